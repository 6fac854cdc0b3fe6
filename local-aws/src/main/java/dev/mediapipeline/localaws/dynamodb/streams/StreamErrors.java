package dev.mediapipeline.localaws.dynamodb.streams;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The errors DynamoDB Streams answers with, worded as DynamoDB words them. */
final class StreamErrors {

    /** Java's Date.toString() form in UTC, which the service's expired-iterator message uses. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private StreamErrors() {
    }

    static DynamoDbException streamNotFound(String streamArn) {
        return DynamoDbException.resourceNotFound("Requested resource not found: Stream: " + streamArn + " not found");
    }

    static DynamoDbException shardNotFound() {
        return DynamoDbException.resourceNotFound("Requested resource not found: Shard does not exist");
    }

    /** The API reference's own description of the exception, for want of a recorded service message. */
    static DynamoDbException trimmed() {
        return new DynamoDbException("TrimmedDataAccessException", 400,
                "The operation attempted to read past the oldest stream record in a shard.");
    }

    static DynamoDbException expired(long createdAt, long now, Duration lifetime) {
        return new DynamoDbException("ExpiredIteratorException", 400, "Iterator expired. The iterator was created at time "
                + DATE.format(Instant.ofEpochMilli(createdAt)) + " while right now it is "
                + DATE.format(Instant.ofEpochMilli(now)) + " which is further in the future than the tolerated delay of "
                + lifetime.toMillis() + " milliseconds.");
    }

    static DynamoDbException invalidSequenceNumber(String sequenceNumber, String shardId) {
        return DynamoDbException.validation("Invalid SequenceNumber " + sequenceNumber + " for shard " + shardId);
    }
}
