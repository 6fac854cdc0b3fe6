package dev.mediapipeline.localaws.dynamodb.streams;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Map;

/**
 * One committed change of one item, as the table engine reports it to the streams: {@code oldImage} is
 * null for an insert, {@code newImage} null for a removal. {@code byTimeToLive} marks deletions by the
 * TTL sweeper, which DynamoDB's stream records name with the service's identity.
 */
public record ItemChange(Map<String, Value> keys, Map<String, Value> oldImage, Map<String, Value> newImage,
                         boolean byTimeToLive) {
}
