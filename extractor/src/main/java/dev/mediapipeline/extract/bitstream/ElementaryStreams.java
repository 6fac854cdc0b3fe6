package dev.mediapipeline.extract.bitstream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads picture size and codec details from the start of an elementary stream (Annex B byte stream for
 * H.264/H.265, frame headers for MPEG audio), as found in transport streams.
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

    /** "mp1", "mp2" or "mp3" from the first MPEG audio frame header, or null. */
    public static String mpegAudioLayer(byte[] es) {
        int at = mpegAudioHeader(es);
        if (at < 0) {
            return null;
        }
        return switch ((es[at + 1] >> 1) & 3) {
            case 3 -> "mp1";
            case 2 -> "mp2";
            case 1 -> "mp3";
            default -> null;
        };
    }

    /** How long one frame of the first MPEG audio frame header plays, in seconds; 0 when unknown. */
    public static double mpegAudioFrameSeconds(byte[] es) {
        int at = mpegAudioHeader(es);
        if (at < 0 || at + 2 >= es.length) {
            return 0;
        }
        int version = (es[at + 1] >> 3) & 3;
        int layer = (es[at + 1] >> 1) & 3;
        int rateIndex = (es[at + 2] >> 2) & 3;
        if (version == 1 || layer == 0 || rateIndex == 3) {
            return 0;
        }
        // MPEG-1 rates; MPEG-2 halves them and MPEG-2.5 quarters them. Layer I frames hold 384 samples, layer
        // II 1152, layer III 1152 in MPEG-1 and 576 otherwise.
        int rate = new int[] {44100, 48000, 32000}[rateIndex] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
        int samples = layer == 3 ? 384 : layer == 2 || version == 3 ? 1152 : 576;
        return samples / (double) rate;
    }

    private static int mpegAudioHeader(byte[] es) {
        for (int i = 0; i + 1 < es.length; i++) {
            if ((es[i] & 0xff) == 0xff && (es[i + 1] & 0xe0) == 0xe0) {
                return i;
            }
        }
        return -1;
    }

    interface HeaderTest {
        boolean matches(int firstByte);
    }

    /** The first NAL unit whose header byte passes the test, without its start code. */
    private static byte[] nal(byte[] es, HeaderTest test) {
        List<byte[]> found = nals(es, test, 1);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every NAL unit whose header byte passes the test, without their start codes. */
    static List<byte[]> nals(byte[] es, HeaderTest test) {
        return nals(es, test, Integer.MAX_VALUE);
    }

    private static List<byte[]> nals(byte[] es, HeaderTest test, int max) {
        List<byte[]> found = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 3 < es.length && found.size() < max; i++) {
            if (es[i] == 0 && es[i + 1] == 0 && es[i + 2] == 1) {
                if (start >= 0) {
                    int end = i > 0 && es[i - 1] == 0 ? i - 1 : i;
                    found.add(Arrays.copyOfRange(es, start, end));
                    start = -1;
                }
                if (test.matches(es[i + 3] & 0xff)) {
                    start = i + 3;
                }
                i += 2;
            }
        }
        if (start >= 0 && found.size() < max) {
            found.add(Arrays.copyOfRange(es, start, es.length));
        }
        return found;
    }
}
