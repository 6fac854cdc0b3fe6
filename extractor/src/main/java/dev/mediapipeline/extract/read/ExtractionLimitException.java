package dev.mediapipeline.extract.read;

/** A per-object budget of {@link ExtractionLimits} ran out. */
public final class ExtractionLimitException extends RuntimeException {

    /** Which budget ran out. */
    public enum Limit {
        BYTES, TIME
    }

    private final Limit limit;

    public ExtractionLimitException(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
