package dev.mediapipeline.extract.bitstream;

import java.nio.BufferUnderflowException;
import java.util.Arrays;

/**
 * The picture size from the first H.263 picture header (ITU-T H.263 5.1): one of the five standard source
 * formats, or the custom picture format of an extended header (PLUSPTYPE, H.263+).
 */
public final class H263Picture {

    /** By source format code 1-5: sub-QCIF, QCIF, CIF, 4CIF, 16CIF. */
    private static final int[][] FORMATS = {null, {128, 96}, {176, 144}, {352, 288}, {704, 576}, {1408, 1152}};
    private static final int EXTENDED = 7;
    private static final int CUSTOM = 6;
    /** A picture header with PLUSPTYPE and a custom format fits in this many bytes. */
    private static final int HEADER_BYTES = 16;

    private H263Picture() {
    }

    /** Whether {@code es} starts with a picture start code (22 bits: 16 zeros, 1, 5 zeros). */
    public static boolean startsWithPicture(byte[] es, int at, int end) {
        return at + 3 <= end && es[at] == 0 && es[at + 1] == 0 && (es[at + 2] & 0xfc) == 0x80;
    }

    /** {width, height} from the first picture header in {@code es}, or null. */
    public static int[] pictureSize(byte[] es) {
        for (int i = 0; i + 3 <= es.length; i++) {
            if (startsWithPicture(es, i, es.length)) {
                try {
                    return header(new BitReader(Arrays.copyOfRange(es, i, Math.min(es.length, i + HEADER_BYTES))));
                } catch (BufferUnderflowException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static int[] header(BitReader r) {
        r.skip(22 + 8);
        if (r.bits(2) != 2) {
            return null;
        }
        r.skip(3);
        int format = r.bits(3);
        if (format != EXTENDED) {
            return standard(format);
        }
        // PLUSPTYPE: the picture format is only sent in a full update (UFEP 001).
        if (r.bits(3) != 1) {
            return null;
        }
        int plusFormat = r.bits(3);
        if (plusFormat != CUSTOM) {
            return standard(plusFormat);
        }
        // The rest of OPPTYPE (15 bits), MPPTYPE (9), CPM and its PSBI, the pixel aspect ratio (4), then the
        // custom picture format: width in 4-pixel units minus one, a marker bit, height in 4-pixel units.
        r.skip(15 + 9);
        if (r.bits(1) == 1) {
            r.skip(2);
        }
        r.skip(4);
        int width = (r.bits(9) + 1) * 4;
        r.skip(1);
        int height = r.bits(9) * 4;
        return height > 0 ? new int[] {width, height} : null;
    }

    private static int[] standard(int format) {
        return format >= 1 && format < FORMATS.length ? FORMATS[format].clone() : null;
    }
}
