package dev.mediapipeline.localaws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Reading a request's fields with DynamoDB's constraint messages ("1 validation error detected: Value null
 * at 'tableName' failed to satisfy constraint: Member must not be null"), built by {@link Violations}.
 */
public final class RequestFields {

    private RequestFields() {
    }

    public static Optional<JsonNode> field(JsonNode request, String name) {
        JsonNode value = request.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    public static Optional<String> text(JsonNode request, String name) {
        return field(request, name).map(value -> {
            if (!value.isTextual()) {
                throw DynamoDbException.serialization("Unexpected value type in payload");
            }
            return value.asText();
        });
    }

    public static String requiredText(JsonNode request, String name) {
        return text(request, name).orElseThrow(() -> constraint("null", name, "Member must not be null"));
    }

    public static boolean bool(JsonNode request, String name) {
        return field(request, name).map(JsonNode::asBoolean).orElse(false);
    }

    /** A TableName (or IndexName): 3 to 255 characters of [a-zA-Z0-9_.-]. */
    public static String tableName(JsonNode request, String name) {
        String value = requiredText(request, name);
        checkName(value, name);
        return value;
    }

    public static void checkName(String value, String field) {
        new Violations().name(value, field).throwIfAny();
    }

    /** An optional integer member (Limit, Segment, ...). */
    public static Optional<Long> integer(JsonNode request, String name) {
        return field(request, name).map(value -> {
            if (!value.isNumber()) {
                throw DynamoDbException.serialization("Unexpected value type in payload");
            }
            return value.asLong();
        });
    }

    /** An optional integer that must be at least {@code minimum} (Limit, TotalSegments, ...). */
    public static Optional<Integer> atLeast(JsonNode request, String name, int minimum) {
        return integer(request, name).map(value -> {
            if (value < minimum) {
                throw constraint("'" + value + "'", name, "Member must have value greater than or equal to " + minimum);
            }
            return value.intValue();
        });
    }

    /** One of an enumeration, DynamoDB's way: "Member must satisfy enum value set: [A, B]". */
    public static Optional<String> oneOf(JsonNode request, String name, String... allowed) {
        return text(request, name).map(value -> {
            if (!List.of(allowed).contains(value)) {
                throw constraint("'" + value + "'", name,
                        "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
            }
            return value;
        });
    }

    /** BatchGetItem's and BatchWriteItem's RequestItems: a map of at least one table. */
    public static JsonNode requestItems(JsonNode request) {
        JsonNode items = field(request, "RequestItems").orElseThrow(() -> constraint("null", "RequestItems", "Member must not be null"));
        if (items.isEmpty()) {
            throw constraint("'{}'", "RequestItems", "Member must have length greater than or equal to 1");
        }
        items.fieldNames().forEachRemaining(table -> {
            if (!Violations.isName(table)) {
                throw constraint("'" + items + "'", "RequestItems", "Map keys must satisfy constraint: [Member must have "
                        + "length less than or equal to 255, Member must have length greater than or equal to 3, Member must "
                        + "satisfy regular expression pattern: [a-zA-Z0-9_.-]+]");
            }
        });
        return items;
    }

    /** BatchWriteItem's RequestItems, each table with between 1 and {@code maxPerTable} requests. */
    public static JsonNode requestItems(JsonNode request, int maxPerTable) {
        JsonNode items = requestItems(request);
        for (JsonNode tableRequests : items) {
            int count = tableRequests.size();
            if (count < 1 || count > maxPerTable) {
                throw constraint("'" + items + "'", "RequestItems", "Map value must satisfy constraint: [Member must have "
                        + "length less than or equal to " + maxPerTable + ", Member must have length greater than or equal to 1]");
            }
        }
        return items;
    }

    public static DynamoDbException constraint(String shownValue, String field, String constraint) {
        return new Violations().add(shownValue, field, constraint).exception();
    }
}
