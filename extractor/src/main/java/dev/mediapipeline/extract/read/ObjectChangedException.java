package dev.mediapipeline.extract.read;

/**
 * The object no longer has the ETag the event announced (HTTP 412 on If-Match): a newer write exists and
 * its own event will be processed, so extraction of this version stops at once.
 */
public final class ObjectChangedException extends RuntimeException {
    public ObjectChangedException(String message, Throwable cause) {
        super(message, cause);
    }
}
