package dev.mediapipeline.indexer.projection;

/** A stream image that cannot become index items (no key attributes): retrying cannot help. */
public final class UnprojectableImageException extends RuntimeException {

    public UnprojectableImageException(String message) {
        super(message);
    }
}
