package dev.mediapipeline.extract.bitstream;

/**
 * What the first MPEG-1/2 video sequence header (00 00 01 B3) says, with the MPEG-2 sequence extension
 * (00 00 01 B5, identifier 1) that follows it in an MPEG-2 stream: the codec (ffprobe's name: the extension is
 * what makes a stream MPEG-2, whatever a container's stream type claims), the picture size and the frame rate.
 */
public record MpegVideoSequence(String codec, int width, int height, Double frameRate) {

    private static final int SEQUENCE_HEADER = 0xB3;
    private static final int EXTENSION = 0xB5;
    private static final int SEQUENCE_EXTENSION_ID = 1;
    /** ISO/IEC 13818-2 table 6-4, by frame_rate_code (0 and 9-15 are forbidden or reserved). */
    private static final double[] FRAME_RATES = {0, 24000 / 1001.0, 24, 25, 30000 / 1001.0, 30, 50, 60000 / 1001.0, 60};
    /** Header bytes after the start code up to the quantiser matrix flags, and one matrix. */
    private static final int HEADER_BYTES = 8;
    private static final int MATRIX_BYTES = 64;

    /** The first sequence header in {@code es}, or null when there is none or it is cut short. */
    public static MpegVideoSequence find(byte[] es) {
        int at = startCode(es, SEQUENCE_HEADER);
        if (at < 0 || at + 4 + HEADER_BYTES > es.length) {
            return null;
        }
        int h = at + 4;
        int width = ((es[h] & 0xff) << 4) | ((es[h + 1] & 0xff) >> 4);
        int height = ((es[h + 1] & 0x0f) << 8) | (es[h + 2] & 0xff);
        int rateCode = es[h + 3] & 0x0f;
        double rate = rateCode < FRAME_RATES.length ? FRAME_RATES[rateCode] : 0;
        // The load-intra-matrix flag is the next-to-last bit of the fixed header; the load-non-intra flag is
        // its last bit, or the last bit of the intra matrix when there is one.
        int next = h + HEADER_BYTES;
        if ((es[h + 7] & 2) != 0) {
            next += MATRIX_BYTES;
        }
        if (next <= es.length && (es[next - 1] & 1) != 0) {
            next += MATRIX_BYTES;
        }
        int ext = next + 6 <= es.length && es[next] == 0 && es[next + 1] == 0 && es[next + 2] == 1
                && (es[next + 3] & 0xff) == EXTENSION && (es[next + 4] & 0xff) >> 4 == SEQUENCE_EXTENSION_ID ? next + 4 : -1;
        if (ext < 0) {
            return new MpegVideoSequence("mpeg1video", width, height, rate > 0 ? rate : null);
        }
        if (ext + 6 > es.length) {
            return new MpegVideoSequence("mpeg2video", width, height, rate > 0 ? rate : null);
        }
        width |= ((es[ext + 1] & 0x01) << 1 | (es[ext + 2] & 0x80) >> 7) << 12;
        height |= ((es[ext + 2] & 0x60) >> 5) << 12;
        int rateN = (es[ext + 5] & 0x60) >> 5;
        int rateD = es[ext + 5] & 0x1f;
        return new MpegVideoSequence("mpeg2video", width, height, rate > 0 ? rate * (rateN + 1) / (rateD + 1) : null);
    }

    /** Whether the bytes start with a sequence header: an MPEG-1/2 video elementary stream (.m1v, .m2v). */
    public static boolean startsElementaryStream(byte[] head) {
        return head.length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 1 && (head[3] & 0xff) == SEQUENCE_HEADER;
    }

    private static int startCode(byte[] es, int code) {
        for (int i = 0; i + 3 < es.length; i++) {
            if (es[i] == 0 && es[i + 1] == 0 && es[i + 2] == 1 && (es[i + 3] & 0xff) == code) {
                return i;
            }
        }
        return -1;
    }
}
