package dev.mediapipeline.localaws;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start the embedded stack.
 *
 * @param host    interface the endpoint listens on
 * @param port    endpoint port; 0 picks a free one (read it back from {@link LocalAws#endpoint()})
 * @param dataDir where S3 objects, tables, notification configuration and queues are kept across
 *                restarts; empty keeps everything in memory
 * @param region  region reported in S3 events and ARNs (clients may sign with any region)
 * @param timeToLiveSweep how often DynamoDB items past their time to live are deleted (DynamoDB takes up to
 *                days; a minute by default, less in tests)
 * @param streamShardLifetime how long a DynamoDB stream shard stays open before a new one takes over
 *                (DynamoDB: about 4 hours)
 */
public record LocalAwsOptions(String host, int port, Optional<Path> dataDir, String region, Duration timeToLiveSweep,
                              Duration streamShardLifetime) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4566;
    public static final String DEFAULT_REGION = "us-east-1";
    public static final Duration DEFAULT_TIME_TO_LIVE_SWEEP = Duration.ofMinutes(1);
    public static final Duration DEFAULT_STREAM_SHARD_LIFETIME = Duration.ofHours(4);

    public LocalAwsOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(region, "region");
        if (isNotPositive(timeToLiveSweep) || isNotPositive(streamShardLifetime)) {
            throw new IllegalArgumentException("intervals must be positive: " + timeToLiveSweep + ", " + streamShardLifetime);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** 127.0.0.1:4566, data kept under ./data, region us-east-1, TTL sweep every minute, 4 h shards. */
    public static LocalAwsOptions defaults() {
        return new LocalAwsOptions(DEFAULT_HOST, DEFAULT_PORT, Optional.of(Path.of("data")), DEFAULT_REGION,
                DEFAULT_TIME_TO_LIVE_SWEEP, DEFAULT_STREAM_SHARD_LIFETIME);
    }

    /** Nothing kept, a free port: what tests want. */
    public static LocalAwsOptions inMemoryOnFreePort() {
        return defaults().withInMemory().withPort(0);
    }

    public LocalAwsOptions withHost(String newHost) {
        return new LocalAwsOptions(newHost, port, dataDir, region, timeToLiveSweep, streamShardLifetime);
    }

    public LocalAwsOptions withPort(int newPort) {
        return new LocalAwsOptions(host, newPort, dataDir, region, timeToLiveSweep, streamShardLifetime);
    }

    public LocalAwsOptions withDataDir(Path dir) {
        return new LocalAwsOptions(host, port, Optional.of(dir), region, timeToLiveSweep, streamShardLifetime);
    }

    public LocalAwsOptions withInMemory() {
        return new LocalAwsOptions(host, port, Optional.empty(), region, timeToLiveSweep, streamShardLifetime);
    }

    public LocalAwsOptions withTimeToLiveSweep(Duration interval) {
        return new LocalAwsOptions(host, port, dataDir, region, interval, streamShardLifetime);
    }

    public LocalAwsOptions withStreamShardLifetime(Duration lifetime) {
        return new LocalAwsOptions(host, port, dataDir, region, timeToLiveSweep, lifetime);
    }

    private static boolean isNotPositive(Duration duration) {
        return duration.isNegative() || duration.isZero();
    }

    public boolean inMemory() {
        return dataDir.isEmpty();
    }
}
