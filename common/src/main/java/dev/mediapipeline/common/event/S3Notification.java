package dev.mediapipeline.common.event;

import java.util.List;

/** What one queue message carried: S3's configuration test, or object events. */
public sealed interface S3Notification {

    /** Sent by S3 when a notification configuration is saved; carries no object. */
    record TestEvent(String bucket) implements S3Notification {
    }

    record Records(List<S3EventRecord> records) implements S3Notification {
    }
}
