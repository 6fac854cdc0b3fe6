package dev.mediapipeline.ingest.sniff;

import dev.mediapipeline.ingest.read.BlockReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides the content type from the first bytes only, never from the key's extension or the declared
 * Content-Type, which clients get wrong or lie about. Uses Tika's magic database; MPEG transport streams,
 * which Tika knows only by file name, are recognised by their packet sync bytes.
 */
public final class Sniffer {

    /** Tika's magic rules look at most this far; all of it is in the first cached block anyway. */
    private static final int HEAD_BYTES = 64 * 1024;
    private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();

    public Sniffed sniff(BlockReader reader) throws IOException {
        byte[] head = new byte[(int) Math.min(HEAD_BYTES, reader.size())];
        int n = Math.max(0, reader.read(0, head, 0, head.length));
        byte[] bytes = n == head.length ? head : Arrays.copyOf(head, n);
        String contentType = MIME_TYPES.detect(new ByteArrayInputStream(bytes), new Metadata()).toString();
        if (contentType.equals("application/octet-stream") && isTransportStream(bytes)) {
            contentType = "video/mp2t";
        }
        return new Sniffed(contentType, typeOf(contentType));
    }

    /** 0x47 at the start of three consecutive packets: 188-byte TS, or 192-byte M2TS with a 4-byte timecode. */
    static boolean isTransportStream(byte[] head) {
        return syncEvery(head, 0, 188) || syncEvery(head, 4, 192);
    }

    private static boolean syncEvery(byte[] head, int first, int packet) {
        for (int i = 0; i < 3; i++) {
            int at = first + i * packet;
            if (at >= head.length || head[at] != 0x47) {
                return false;
            }
        }
        return true;
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
