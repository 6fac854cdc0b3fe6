package dev.mediapipeline.common.event;

/** A message that is not an S3 event the pipeline understands; it belongs in the dead-letter queue. */
public class MalformedEventException extends Exception {

    public MalformedEventException(String reason) {
        super(reason);
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
