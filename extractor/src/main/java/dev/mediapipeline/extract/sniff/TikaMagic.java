package dev.mediapipeline.extract.sniff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * Tika's magic database, the reference for every content type we report. Loaded on first use only:
 * parsing its 300 KB of rules costs a short {@code extract} run more than all the files it sniffs
 * when they are formats the {@link Signatures} already know.
 */
final class TikaMagic {

    /** Tika's magic rules look at most this far. */
    static final int HEAD_BYTES = 64 * 1024;

    private TikaMagic() {
    }

    /** Tika's content type for these first bytes of a file, "application/octet-stream" when it knows none. */
    static String detect(byte[] head) throws IOException {
        return Rules.MIME_TYPES.detect(new ByteArrayInputStream(head), new Metadata()).toString();
    }

    /** Holder: the class loads, and the rules are parsed, only when {@link #detect} first runs. */
    private static final class Rules {
        static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();
    }
}
