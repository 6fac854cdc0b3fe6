package dev.mediapipeline.extract;

import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;

/**
 * Reads one family of formats. Each family lives in its own package; supporting a new format means a new
 * implementation registered in {@link MediaExtraction}, not a new branch somewhere else.
 *
 * <p>Implementations write what they learn into the builder as they go, so that a file that turns out to
 * be corrupt half-way still keeps what was read; they signal bad content by throwing
 * {@link CorruptMediaException} (or any IOException / RuntimeException from a library). When
 * {@link #extract} is called the builder already holds the sniffed type and content type, so an extractor
 * never sniffs the bytes again.
 */
public interface MetadataExtractor {

    /** Whether this extractor reads content of the sniffed media type (e.g. "video/mp4"). */
    boolean accepts(String contentType);

    void extract(BlockReader reader, MediaMetadata.Builder out) throws IOException;
}
