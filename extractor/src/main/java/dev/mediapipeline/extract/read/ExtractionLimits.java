package dev.mediapipeline.extract.read;

import java.time.Duration;

/**
 * What one object may cost: bytes fetched from the source and wall-clock time. Metadata lives in headers,
 * so a parser that needs more than this is either lost in a hostile file or reading image data.
 */
public record ExtractionLimits(long maxBytesRead, Duration timeout) {

    public ExtractionLimits {
        if (maxBytesRead <= 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytesRead + " bytes, " + timeout);
        }
    }

    /**
     * 64 MiB and 30 s: far above what any header needs, far below a whole large video, and well inside the
     * ingest queue's 60 s visibility timeout.
     */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(64L << 20, Duration.ofSeconds(30));
    }
}
