package dev.mediapipeline.extract.sniff;

/**
 * MPEG transport streams, which Tika knows only by file name: 0x47 at the start of three consecutive
 * packets, 188-byte TS or 192-byte M2TS with a 4-byte timecode first.
 */
final class TransportStreams {

    static final int TS_PACKET = 188;
    private static final int M2TS_PACKET = 192;

    private TransportStreams() {
    }

    static boolean isTransportStream(byte[] head, int length) {
        return syncEvery(head, length, 0, TS_PACKET) || syncEvery(head, length, 4, M2TS_PACKET);
    }

    /**
     * A plain 188-byte TS whose bytes Tika cannot take for anything but unknown binary: the first packet
     * has a valid adaptation field control (never 00, which no Tika rule at offset 1 could then match) and
     * a control byte (0x00-0x08), so Tika's text fallback cannot call it text/plain either.
     */
    static boolean isUnmistakableTransportStream(byte[] head, int length) {
        if (!syncEvery(head, length, 0, TS_PACKET) || (head[3] & 0x30) == 0) {
            return false;
        }
        for (int i = 0; i < TS_PACKET; i++) {
            if ((head[i] & 0xFF) <= 0x08) {
                return true;
            }
        }
        return false;
    }

    private static boolean syncEvery(byte[] head, int length, int first, int packet) {
        for (int i = 0; i < 3; i++) {
            int at = first + i * packet;
            if (at >= length || head[at] != 0x47) {
                return false;
            }
        }
        return true;
    }
}
