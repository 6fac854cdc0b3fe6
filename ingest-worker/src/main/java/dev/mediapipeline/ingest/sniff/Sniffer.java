package dev.mediapipeline.ingest.sniff;

import dev.mediapipeline.ingest.read.BlockReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides the content type from the first bytes only, never from the key's extension or the declared
 * Content-Type, which clients get wrong or lie about. Uses Tika's magic database (plus the MPEG-TS rule in
 * custom-mimetypes.xml, which Tika lacks).
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
        return new Sniffed(contentType, typeOf(contentType));
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
