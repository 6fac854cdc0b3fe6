package dev.mediapipeline.extract.bitstream;

import java.util.Arrays;

/**
 * Reads picture size and codec details from the start of an elementary stream (Annex B byte stream for
 * H.264/H.265, start codes for MPEG-1/2 video, frame headers for MPEG audio), as found in transport streams.
 */
public final class ElementaryStreams {

    private ElementaryStreams() {
    }

    /** {width, height} from the first H.264 SPS (NAL type 7), or null. */
    public static int[] avcPictureSize(byte[] es) {
        byte[] nal = nal(es, b -> (b & 0x1f) == 7);
        return nal == null ? null : AvcSps.pictureSize(BitReader.unescape(nal, 1, nal.length));
    }

    /** {width, height} from the first H.265 SPS (NAL type 33), or null. */
    public static int[] hevcPictureSize(byte[] es) {
        byte[] nal = nal(es, b -> ((b >> 1) & 0x3f) == 33);
        return nal == null ? null : HevcSps.pictureSize(BitReader.unescape(nal, 2, nal.length));
    }

    /** {width, height} from the first MPEG-1/2 sequence header (00 00 01 B3), or null. */
    public static int[] mpegVideoSize(byte[] es) {
        for (int i = 0; i + 7 <= es.length; i++) {
            if (es[i] == 0 && es[i + 1] == 0 && es[i + 2] == 1 && (es[i + 3] & 0xff) == 0xB3) {
                int width = ((es[i + 4] & 0xff) << 4) | ((es[i + 5] & 0xff) >> 4);
                int height = ((es[i + 5] & 0x0f) << 8) | (es[i + 6] & 0xff);
                return new int[] {width, height};
            }
        }
        return null;
    }

    /** "mp1", "mp2" or "mp3" from the first MPEG audio frame header, or null. */
    public static String mpegAudioLayer(byte[] es) {
        for (int i = 0; i + 1 < es.length; i++) {
            if ((es[i] & 0xff) == 0xff && (es[i + 1] & 0xe0) == 0xe0) {
                return switch ((es[i + 1] >> 1) & 3) {
                    case 3 -> "mp1";
                    case 2 -> "mp2";
                    case 1 -> "mp3";
                    default -> null;
                };
            }
        }
        return null;
    }

    private interface HeaderTest {
        boolean matches(int firstByte);
    }

    /** The first NAL unit whose header byte passes the test, without its start code. */
    private static byte[] nal(byte[] es, HeaderTest test) {
        int start = -1;
        for (int i = 0; i + 3 < es.length; i++) {
            if (es[i] == 0 && es[i + 1] == 0 && es[i + 2] == 1) {
                if (start >= 0) {
                    int end = i > 0 && es[i - 1] == 0 ? i - 1 : i;
                    return Arrays.copyOfRange(es, start, end);
                }
                if (test.matches(es[i + 3] & 0xff)) {
                    start = i + 3;
                }
                i += 2;
            }
        }
        return start >= 0 ? Arrays.copyOfRange(es, start, es.length) : null;
    }
}
