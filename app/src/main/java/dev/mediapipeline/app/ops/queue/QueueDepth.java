package dev.mediapipeline.app.ops.queue;

import java.time.Duration;
import java.util.Optional;

/**
 * One look at a queue. {@code oldestAge} is empty when it cannot be known without side effects (see
 * {@link QueueProbe}); {@code ageSource} says where a present age came from.
 */
public record QueueDepth(WatchedQueue queue, long visible, long inFlight, Optional<Duration> oldestAge,
                         String ageSource) {

    /** The age could not be learnt. */
    public static final String UNKNOWN = "unknown";
    /** From the SentTimestamp of messages peeked with visibility timeout 0. */
    public static final String PEEK = "peek";
    /** From the SentTimestamp of the last message this process's ingest worker took. */
    public static final String WORKER = "worker";
    /** The queue holds nothing. */
    public static final String EMPTY = "empty";

    public boolean isEmpty() {
        return visible == 0 && inFlight == 0;
    }

    public QueueDepth withOldestAge(Optional<Duration> age, String source) {
        return new QueueDepth(queue, visible, inFlight, age, source);
    }
}
