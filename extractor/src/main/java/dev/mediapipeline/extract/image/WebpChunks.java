package dev.mediapipeline.extract.image;

import com.drew.imaging.riff.RiffHandler;
import com.drew.metadata.Metadata;
import com.drew.metadata.webp.WebpRiffHandler;
import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * WebP's RIFF chunks, walked as metadata-extractor's RiffReader walks them but hopping from chunk header to
 * chunk header: its WebpMetadataReader reads every chunk it accepts whole, image data included, so a 20 MB
 * photo cost 20 MB. Here the image chunks give only the header bytes their dimensions are decoded from, and
 * the payloads go to metadata-extractor's own WebP handler, which fills the same directories as before.
 */
final class WebpChunks {

    private static final int RIFF_HEADER = 12;
    private static final int CHUNK_HEADER = 8;
    /** How much of an image chunk the handler decodes: VP8's frame header, VP8L's signature and size bits. */
    private static final Map<String, Integer> IMAGE_HEADER_BYTES = Map.of("VP8 ", 10, "VP8L", 5);
    /** The colour profile fills no field. */
    private static final String ICC_PROFILE = "ICCP";

    private WebpChunks() {
    }

    /**
     * The directories metadata-extractor finds. Like RiffReader, the walk ends at the size the RIFF header
     * declares, at a chunk that overruns it and at the end of the object; a chunk cut short is not decoded.
     */
    static Metadata readMetadata(BlockReader reader) throws IOException {
        Metadata metadata = new Metadata();
        RiffHandler handler = new WebpRiffHandler(metadata);
        long end = CHUNK_HEADER + littleEndian(reader.readFully(4, 4)).getInt();
        long at = RIFF_HEADER;
        while (at < end - CHUNK_HEADER && at + CHUNK_HEADER <= reader.size()) {
            ByteBuffer header = littleEndian(reader.readExact(at, CHUNK_HEADER));
            String type = new String(header.array(), 0, 4, StandardCharsets.ISO_8859_1);
            int size = header.getInt(4);
            long payload = at + CHUNK_HEADER;
            if (size < 0 || payload + size > end) {
                handler.addError("Invalid RIFF chunk size");
                break;
            }
            if (handler.shouldAcceptChunk(type) && !type.equals(ICC_PROFILE)) {
                if (payload + size > reader.size()) {
                    handler.addError("chunk " + type + " is cut short");
                    break;
                }
                int wanted = Math.min(size, IMAGE_HEADER_BYTES.getOrDefault(type, size));
                handler.processChunk(type, reader.readExact(payload, wanted));
            }
            at = payload + size + (size & 1);
        }
        return metadata;
    }

    private static ByteBuffer littleEndian(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
