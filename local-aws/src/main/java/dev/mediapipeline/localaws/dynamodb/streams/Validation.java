package dev.mediapipeline.localaws.dynamodb.streams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request's parameters and checks them against the API's constraints, collecting every failure
 * into one ValidationException worded as DynamoDB's front end words it ("1 validation error detected:
 * Value 'x' at 'member' failed to satisfy constraint: ...").
 */
final class Validation {

    private final JsonNode request;
    private final List<String> errors = new ArrayList<>();

    Validation(JsonNode request) {
        this.request = request;
    }

    String required(String field, int minLength, int maxLength) {
        String value = optional(field, minLength, maxLength);
        if (value == null && !request.hasNonNull(field)) {
            errors.add("Value null at '" + member(field) + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    String optional(String field, int minLength, int maxLength) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        String value = node.asText();
        if (value.length() < minLength) {
            fail(field, value, "Member must have length greater than or equal to " + minLength);
        } else if (value.length() > maxLength) {
            fail(field, value, "Member must have length less than or equal to " + maxLength);
        }
        return value;
    }

    /** A required member of an enum, given in the order the service lists the allowed values. */
    String requiredEnum(String field, List<String> allowed) {
        String value = required(field, 0, Integer.MAX_VALUE);
        if (value != null && !allowed.contains(value)) {
            fail(field, value, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    /** The Limit parameter, or {@code otherwise} when absent. */
    int limit(int max, int otherwise) {
        JsonNode node = request.get("Limit");
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.canConvertToInt()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        int value = node.asInt();
        if (value < 1) {
            fail("Limit", String.valueOf(value), "Member must have value greater than or equal to 1");
        } else if (value > max) {
            fail("Limit", String.valueOf(value), "Member must have value less than or equal to " + max);
        }
        return value;
    }

    /** Throws the collected failures, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw DynamoDbException.validation(errors.size() + " validation error" + (errors.size() == 1 ? "" : "s")
                    + " detected: " + String.join("; ", errors));
        }
    }

    private void fail(String field, String value, String constraint) {
        errors.add("Value '" + value + "' at '" + member(field) + "' failed to satisfy constraint: " + constraint);
    }

    /** The service names members in its messages with a lower-case first letter. */
    private static String member(String field) {
        return Character.toLowerCase(field.charAt(0)) + field.substring(1);
    }
}
