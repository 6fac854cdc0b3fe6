package dev.mediapipeline.localaws.dynamodb.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The operations by their {@code X-Amz-Target}: DynamoDB's each by name, and DynamoDB Streams' passed on
 * whole to the streams service.
 */
public final class Operations {

    private static final String DYNAMODB_PREFIX = "DynamoDB_20120810.";
    private static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";

    private final Map<String, Function<JsonNode, JsonNode>> dynamoDb = new HashMap<>();
    private final BiFunction<String, JsonNode, JsonNode> streams;

    /** @param streams answers a DynamoDB Streams operation (name without prefix) */
    public Operations(BiFunction<String, JsonNode, JsonNode> streams) {
        this.streams = streams;
    }

    public Operations add(String name, Function<JsonNode, JsonNode> operation) {
        dynamoDb.put(name, operation);
        return this;
    }

    JsonNode invoke(String target, JsonNode request) {
        if (target != null && target.startsWith(STREAMS_PREFIX)) {
            return streams.apply(target.substring(STREAMS_PREFIX.length()), request);
        }
        Function<JsonNode, JsonNode> operation = target != null && target.startsWith(DYNAMODB_PREFIX)
                ? dynamoDb.get(target.substring(DYNAMODB_PREFIX.length())) : null;
        if (operation == null) {
            throw new DynamoDbException("UnknownOperationException", 400, null);
        }
        return operation.apply(request);
    }
}
