package dev.mediapipeline.localaws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading a request's fields with DynamoDB's constraint messages ("1 validation error detected: Value null
 * at 'tableName' failed to satisfy constraint: Member must not be null"). Wire names are capitalised, the
 * messages name them with a lower-case first letter.
 */
public final class RequestFields {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

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
        if (value.length() < 3) {
            throw constraint("'" + value + "'", field, "Member must have length greater than or equal to 3");
        }
        if (value.length() > 255) {
            throw constraint("'" + value + "'", field, "Member must have length less than or equal to 255");
        }
        if (!NAME.matcher(value).matches()) {
            throw constraint("'" + value + "'", field, "Member must satisfy regular expression pattern: " + NAME.pattern());
        }
    }

    /** An optional integer that must be at least {@code minimum} (Limit, TotalSegments, ...). */
    public static Optional<Integer> atLeast(JsonNode request, String name, int minimum) {
        return field(request, name).map(value -> {
            if (!value.isNumber()) {
                throw DynamoDbException.serialization("Unexpected value type in payload");
            }
            if (value.asLong() < minimum) {
                throw constraint("'" + value.asText() + "'", name,
                        "Member must have value greater than or equal to " + minimum);
            }
            return value.asInt();
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

    public static DynamoDbException constraint(String shownValue, String field, String constraint) {
        return DynamoDbException.validation("1 validation error detected: Value " + shownValue + " at '"
                + lowerFirst(field) + "' failed to satisfy constraint: " + constraint);
    }

    private static String lowerFirst(String field) {
        return Character.toLowerCase(field.charAt(0)) + field.substring(1);
    }
}
