package dev.mediapipeline.extract.sniff;

import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;
import java.util.Arrays;

/**
 * Decides the content type from the first bytes only, never from the key's extension or the declared
 * Content-Type, which clients get wrong or lie about. The answer is always Tika's magic database's; the
 * formats our extractors read are recognised by their {@link Signatures} first, because Tika's rules cost
 * far more than the rest of sniffing and, on a short run, than loading them. MPEG transport streams, which
 * Tika knows only by file name, are recognised by their packet sync bytes.
 */
public final class Sniffer {

    public Sniffed sniff(BlockReader reader) throws IOException {
        byte[] head = readHead(reader, Signatures.HEAD_BYTES);
        String known = Signatures.contentType(head, head.length);
        if (known != null) {
            return new Sniffed(known, typeOf(known));
        }
        byte[] tikaHead = head.length < Signatures.HEAD_BYTES ? head : readHead(reader, TikaMagic.HEAD_BYTES);
        return fromTika(tikaHead);
    }

    /** What Tika alone makes of these bytes, transport streams included: the reference for {@link #sniff}. */
    static Sniffed fromTika(byte[] head) throws IOException {
        String contentType = TikaMagic.detect(head);
        if (contentType.equals("application/octet-stream") && TransportStreams.isTransportStream(head, head.length)) {
            contentType = "video/mp2t";
        }
        return new Sniffed(contentType, typeOf(contentType));
    }

    private static byte[] readHead(BlockReader reader, int max) throws IOException {
        byte[] head = new byte[(int) Math.min(max, reader.size())];
        int n = Math.max(0, reader.read(0, head, 0, head.length));
        return n == head.length ? head : Arrays.copyOf(head, n);
    }

    /** Audio containers are "other"; a video container without a video track is demoted later by its extractor. */
    static MediaType typeOf(String contentType) {
        if (contentType.startsWith("image/")) {
            return MediaType.IMAGE;
        }
        if (contentType.startsWith("video/")) {
            return MediaType.VIDEO;
        }
        return MediaType.OTHER;
    }
}
