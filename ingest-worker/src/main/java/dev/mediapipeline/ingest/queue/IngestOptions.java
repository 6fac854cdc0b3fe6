package dev.mediapipeline.ingest.queue;

import dev.mediapipeline.ingest.read.ExtractionLimits;
import java.time.Duration;

/**
 * Tunables of one ingest worker. Parallelism is about waiting on S3 round trips, not CPU, so it may
 * exceed the core count; maxInFlight bounds memory and how much a crash hands back to the queue.
 */
public record IngestOptions(
        int parallelism,
        int maxInFlight,
        Duration visibilityTimeout,
        Duration waitTime,
        Duration shutdownGrace,
        ExtractionLimits limits) {

    public static IngestOptions defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new IngestOptions(Math.max(4, cores * 4), Math.max(8, cores * 8), Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(20), ExtractionLimits.defaults());
    }

    public IngestOptions withParallelism(int newParallelism) {
        return new IngestOptions(newParallelism, Math.max(maxInFlight, newParallelism), visibilityTimeout, waitTime,
                shutdownGrace, limits);
    }
}
