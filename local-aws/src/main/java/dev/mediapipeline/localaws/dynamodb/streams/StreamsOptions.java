package dev.mediapipeline.localaws.dynamodb.streams;

import java.time.Duration;

/**
 * The time constants of DynamoDB Streams, adjustable so tests need not wait for them.
 *
 * @param shardLifetime how long a shard stays open before a child shard takes over (DynamoDB: about 4 hours)
 * @param retention how long records stay readable, and closed shards listed (DynamoDB: 24 hours)
 * @param iteratorLifetime how long a shard iterator may be used (DynamoDB: 15 minutes)
 */
public record StreamsOptions(Duration shardLifetime, Duration retention, Duration iteratorLifetime) {

    public StreamsOptions {
        if (shardLifetime.isNegative() || shardLifetime.isZero() || retention.isNegative()
                || iteratorLifetime.isNegative()) {
            throw new IllegalArgumentException("durations must be positive: " + shardLifetime + ", " + retention
                    + ", " + iteratorLifetime);
        }
    }

    public static StreamsOptions defaults() {
        return new StreamsOptions(Duration.ofHours(4), Duration.ofHours(24), Duration.ofMinutes(15));
    }
}
