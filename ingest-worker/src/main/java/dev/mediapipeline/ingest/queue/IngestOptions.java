package dev.mediapipeline.ingest.queue;

import dev.mediapipeline.extract.read.ExtractionLimits;
import java.time.Duration;

/**
 * Tunables of one ingest worker. Parallelism is about waiting on S3 round trips, not CPU, so it may
 * exceed the core count; maxInFlight bounds memory and how much a crash hands back to the queue.
 *
 * @param visibilityTimeout how long a received message stays invisible; the heartbeat renews it every third
 *        of this while the message is held, so it only matters after a crash: the lower, the sooner
 *        another worker takes over
 * @param waitTime SQS long poll; a close cuts the poll under way, so it never waits for it
 * @param shutdownGrace how long a close lets in-flight messages finish before releasing them
 * @param retryBackoff the first pause before a message that failed for a transient reason is handed out
 *        again; it doubles with every delivery
 */
public record IngestOptions(
        int parallelism,
        int maxInFlight,
        Duration visibilityTimeout,
        Duration waitTime,
        Duration shutdownGrace,
        Duration retryBackoff,
        ExtractionLimits limits) {

    public IngestOptions {
        if (parallelism < 1 || maxInFlight < parallelism) {
            throw new IllegalArgumentException("need 1 <= parallelism <= maxInFlight: " + parallelism + ", "
                    + maxInFlight);
        }
        if (visibilityTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("SQS visibility is whole seconds, at least 1: " + visibilityTimeout);
        }
    }

    public static IngestOptions defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new IngestOptions(Math.max(4, cores * 4), Math.max(8, cores * 8), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(2), ExtractionLimits.defaults());
    }

    /**
     * How much room the poller waits for (a little while) before it receives: under load, receives come in
     * batches instead of one message whenever one finishes, while maxInFlight - parallelism received messages
     * still wait for a thread.
     */
    int receiveBatch() {
        return Math.max(1, Math.min(InFlight.MAX_RECEIVE, maxInFlight - parallelism));
    }

    public IngestOptions withParallelism(int newParallelism) {
        return new IngestOptions(newParallelism, Math.max(maxInFlight, newParallelism), visibilityTimeout, waitTime,
                shutdownGrace, retryBackoff, limits);
    }
}
