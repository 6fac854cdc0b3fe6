package dev.mediapipeline.extract.read;

/**
 * Fetching bytes failed for a reason that says nothing about the content (network, throttling, disk): the
 * caller should retry later rather than record the file as broken.
 */
public final class SourceReadException extends RuntimeException {
    public SourceReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
