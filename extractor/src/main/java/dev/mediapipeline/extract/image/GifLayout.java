package dev.mediapipeline.extract.image;

import dev.mediapipeline.extract.read.BlockReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * GIF block layout, so that metadata-extractor, which walks every frame's data sub-blocks to the trailer,
 * sees only the header and the extensions before the first image: a 30 MB animation costs its first
 * kilobytes. Comments or XMP written after the first frame are not read.
 */
final class GifLayout {

    private static final int HEADER = 13;
    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2C;
    private static final byte[] TRAILER = {0x3B};

    private GifLayout() {
    }

    /** Header, global colour table and extensions up to the first image, then a trailer; or the whole file. */
    static InputStream metadataBlocks(BlockReader reader) throws IOException {
        int flags = reader.readFully(10, 1)[0] & 0xff;
        long at = HEADER + ((flags & 0x80) != 0 ? 3L << ((flags & 7) + 1) : 0);
        while (at < reader.size()) {
            int introducer = reader.readFully(at, 1)[0] & 0xff;
            if (introducer == IMAGE) {
                return new SequenceInputStream(reader.openStream(at), new ByteArrayInputStream(TRAILER));
            }
            if (introducer != EXTENSION || at + 2 >= reader.size()) {
                break;
            }
            // Label, then data sub-blocks: a length byte each, a zero length ends them.
            at += 2;
            int length;
            while (at < reader.size() && (length = reader.readFully(at, 1)[0] & 0xff) != 0) {
                at += 1 + length;
            }
            at++;
        }
        return reader.openStream();
    }
}
