package dev.mediapipeline.ingest.handle;

import java.time.Instant;

/**
 * Lets the process hosting a worker follow single events (metrics only count them), e.g. an operator's
 * page listing the latest failures by key, or the age of what the worker takes from the queue.
 * Called on worker threads: implementations must be quick and thread-safe.
 */
public interface IngestObserver {

    IngestObserver NONE = new IngestObserver() {
    };

    /** A message was taken from the ingest queue; {@code sentAt} is its SQS SentTimestamp. */
    default void received(Instant sentAt) {
    }

    /** An item was written with Status FAILED. */
    default void failedItem(String bucket, String key, String errorClass, String error, Instant at) {
    }
}
