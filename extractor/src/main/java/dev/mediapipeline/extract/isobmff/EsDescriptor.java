package dev.mediapipeline.extract.isobmff;

/** Just enough of the MPEG-4 elementary stream descriptor (esds) to learn the objectTypeIndication. */
final class EsDescriptor {

    private static final int ES_DESCRIPTOR = 0x03;
    private static final int DECODER_CONFIG = 0x04;

    private EsDescriptor() {
    }

    static Integer objectType(BoxCursor esds) {
        esds.skip(4);
        if (esds.u8() != ES_DESCRIPTOR) {
            return null;
        }
        length(esds);
        esds.skip(2);
        int flags = esds.u8();
        if ((flags & 0x80) != 0) {
            esds.skip(2);
        }
        if ((flags & 0x40) != 0) {
            esds.skip(esds.u8());
        }
        if ((flags & 0x20) != 0) {
            esds.skip(2);
        }
        if (esds.u8() != DECODER_CONFIG) {
            return null;
        }
        length(esds);
        return esds.u8();
    }

    /** Descriptor sizes are 1–4 bytes of 7 bits each, high bit = more follows. */
    private static int length(BoxCursor c) {
        int length = 0;
        for (int i = 0; i < 4; i++) {
            int b = c.u8();
            length = (length << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return length;
    }
}
