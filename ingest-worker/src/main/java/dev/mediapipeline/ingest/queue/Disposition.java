package dev.mediapipeline.ingest.queue;

/** Where a message goes once handled: away, to the dead-letter queue with a reason, or back for a retry. */
sealed interface Disposition {

    record Done() implements Disposition {
    }

    /** {@code errorClass} is machine-readable (malformed-event, invalid-key), {@code error} says why. */
    record DeadLetter(String errorClass, String error) implements Disposition {
    }

    record Retry(Exception cause) implements Disposition {
    }
}
