package dev.mediapipeline.extract.sniff;

/**
 * The formats our extractors read, recognised by their leading bytes with the same answer Tika's magic
 * gives, in a few comparisons instead of Tika's hundreds of rules. Only signatures that no
 * higher-priority Tika rule can also match at the same offset are claimed (a TIFF with "CR" at offset 8 is
 * a Canon raw file to Tika, so it is left to Tika); anything else returns null and Tika decides.
 */
final class Signatures {

    /** The longest prefix any check below looks at: three TS packets. */
    static final int HEAD_BYTES = 3 * TransportStreams.TS_PACKET;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] GIF87 = {'G', 'I', 'F', '8', '7', 'a'};
    private static final byte[] GIF89 = {'G', 'I', 'F', '8', '9', 'a'};
    private static final byte[] TIFF_LE = {'I', 'I', 0x2A, 0x00};
    private static final byte[] TIFF_BE = {'M', 'M', 0x00, 0x2A};
    private static final byte[] BIGTIFF_BE = {'M', 'M', 0x00, 0x2B};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP = {'W', 'E', 'B', 'P'};
    private static final byte[] AVI = {'A', 'V', 'I', ' '};
    private static final byte[] FLV = {'F', 'L', 'V', 0x01};
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    /** Tika's video/x-matroska rule: an EBML header whose first element is DocType "matroska". */
    private static final byte[] EBML_MATROSKA = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x93, 0x42,
            (byte) 0x82, (byte) 0x88, 'm', 'a', 't', 'r', 'o', 's', 'k', 'a'};
    /** Tika's video/mpeg rules: a program stream's pack header, or a bare video stream's sequence header. */
    private static final byte[] MPEG_PACK = {0, 0, 1, (byte) 0xBA};
    private static final byte[] MPEG_SEQUENCE = {0, 0, 1, (byte) 0xB3};
    /** Tika's image/bmp rule: one plane (offset 26) and one of these bit counts (offset 28). */
    private static final int[] BMP_BIT_COUNTS = {0, 1, 4, 8, 16, 24, 32};

    private Signatures() {
    }

    /** Tika's content type for a file starting with {@code head[0..length)}, or null to ask Tika. */
    static String contentType(byte[] head, int length) {
        if (startsWith(head, length, 0, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(head, length, 0, PNG)) {
            return "image/png";
        }
        if (startsWith(head, length, 0, GIF87) || startsWith(head, length, 0, GIF89)) {
            return "image/gif";
        }
        if (startsWith(head, length, 0, RIFF)) {
            return riff(head, length);
        }
        if (startsWith(head, length, 0, TIFF_LE) || startsWith(head, length, 0, TIFF_BE)
                || startsWith(head, length, 0, BIGTIFF_BE)) {
            return length >= 10 && !(head[8] == 'C' && head[9] == 'R') ? "image/tiff" : null;
        }
        if (startsWith(head, length, 0, EBML)) {
            return startsWith(head, length, 0, EBML_MATROSKA) ? "video/x-matroska" : "application/x-matroska";
        }
        if (startsWith(head, length, 0, FLV)) {
            return "video/x-flv";
        }
        if (isBmp(head, length)) {
            return "image/bmp";
        }
        String isoBmff = FtypBrands.contentType(head, length);
        if (isoBmff != null) {
            return isoBmff;
        }
        if (startsWith(head, length, 0, MPEG_PACK) || startsWith(head, length, 0, MPEG_SEQUENCE)) {
            return "video/mpeg";
        }
        return TransportStreams.isUnmistakableTransportStream(head, length) ? "video/mp2t" : null;
    }

    /** RIFF's form type at offset 8; WAVE, CorelDraw and the rest are Tika's to name. */
    private static String riff(byte[] head, int length) {
        if (startsWith(head, length, 8, WEBP)) {
            return "image/webp";
        }
        if (startsWith(head, length, 8, AVI)) {
            return "video/x-msvideo";
        }
        return null;
    }

    private static boolean isBmp(byte[] head, int length) {
        if (length < 30 || head[0] != 'B' || head[1] != 'M' || head[26] != 1 || head[27] != 0 || head[29] != 0) {
            return false;
        }
        for (int bits : BMP_BIT_COUNTS) {
            if ((head[28] & 0xFF) == bits) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] head, int length, int offset, byte[] prefix) {
        if (length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
