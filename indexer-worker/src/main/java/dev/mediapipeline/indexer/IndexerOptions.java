package dev.mediapipeline.indexer;

import dev.mediapipeline.indexer.write.RetryPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * Tunables of one indexer process. The defaults suit both the embedded stack and AWS.
 *
 * @param applicationName KCL application name, which is also the lease table's name; empty means
 *        {@code media-indexer-<UserMedia table>}. Every process with the same name shares the shards.
 * @param pollIdle pause between GetRecords calls on an idle shard: the floor of the index lag
 * @param writeConcurrency index writes in flight per process (records of different items in parallel)
 * @param retry how often a record's failing writes are retried before it is parked in the index DLQ
 * @param failoverTime how long a lease survives without renewal: a crashed process's shards move to
 *        another process after this, and lease discovery runs every twice this
 * @param shutdownTimeout how long {@code close()} waits for KCL to hand back its leases
 */
public record IndexerOptions(
        Optional<String> applicationName,
        Duration pollIdle,
        int writeConcurrency,
        RetryPolicy retry,
        Duration failoverTime,
        Duration shutdownTimeout) {

    public static IndexerOptions defaults() {
        return new IndexerOptions(Optional.empty(), Duration.ofMillis(250), 8, RetryPolicy.defaults(),
                Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    public IndexerOptions withApplicationName(String name) {
        return new IndexerOptions(Optional.of(name), pollIdle, writeConcurrency, retry, failoverTime, shutdownTimeout);
    }

    public IndexerOptions withRetry(RetryPolicy newRetry) {
        return new IndexerOptions(applicationName, pollIdle, writeConcurrency, newRetry, failoverTime, shutdownTimeout);
    }

    /** The lease table name follows the application name, so it is per UserMedia table by default. */
    String applicationNameFor(String mediaTable) {
        return applicationName.orElse("media-indexer-" + mediaTable);
    }
}
