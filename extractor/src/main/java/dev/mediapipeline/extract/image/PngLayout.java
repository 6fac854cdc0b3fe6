package dev.mediapipeline.extract.image;

import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.read.BlockReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;

/**
 * PNG chunk layout, so that metadata-extractor, which walks every chunk to IEND, sees only the chunks before
 * the image data: a 50 MB screenshot costs its first kilobytes, not 50 MB of IDAT chunk headers. Text chunks
 * written after the image data are not read.
 */
final class PngLayout {

    static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    private static final int IDAT = 0x49444154;
    /** An empty IEND chunk: length 0, type, CRC. */
    private static final byte[] IEND_CHUNK = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private PngLayout() {
    }

    /** The chunks before the first IDAT, closed by a synthetic IEND; the whole file when there is no IDAT. */
    static InputStream metadataChunks(BlockReader reader) throws IOException {
        long at = 8;
        while (at + 8 <= reader.size()) {
            ByteBuffer header = ByteBuffer.wrap(reader.readExact(at, 8));
            if (header.getInt(4) == IDAT) {
                return new SequenceInputStream(reader.openStream(at), new ByteArrayInputStream(IEND_CHUNK));
            }
            at += 12 + (header.getInt(0) & 0xffffffffL);
        }
        return reader.openStream();
    }

    /** Whether the IEND chunk is in the last 4 KiB (some writers append a little): an interrupted upload has none. */
    static boolean hasEnd(BlockReader reader) throws IOException {
        int tail = (int) Math.min(reader.size(), 4096);
        byte[] bytes = reader.readExact(reader.size() - tail, tail);
        for (int i = bytes.length - 4; i >= 0; i--) {
            if (bytes[i] == 'I' && bytes[i + 1] == 'E' && bytes[i + 2] == 'N' && bytes[i + 3] == 'D') {
                return true;
            }
        }
        return false;
    }

    /** The size from IHDR, which the specification fixes at offset 8, when metadata-extractor gave up. */
    static void salvageHeader(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        if (reader.size() < 24) {
            return;
        }
        ByteBuffer head = ByteBuffer.wrap(reader.readFully(0, 24));
        if (head.getLong(0) == SIGNATURE && head.getInt(12) == IHDR) {
            out.storedDimensions(head.getInt(16), head.getInt(20));
        }
    }
}
