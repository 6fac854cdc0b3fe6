package dev.mediapipeline.extract.read;

/** The object was deleted before (or while) it was read (HTTP 404). */
public final class ObjectGoneException extends RuntimeException {
    public ObjectGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
