package dev.mediapipeline.localaws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The constraints DynamoDB checks on an item operation's top-level members before anything else, in its
 * order for that operation, every violation reported in one ValidationException (dynalite's recorded
 * tests: PutItem's is ReturnConsumedCapacity, TableName, Item, ReturnValues, ReturnItemCollectionMetrics).
 */
public final class MemberChecks {

    /** One member's check, adding what it finds. */
    public interface Check extends BiConsumer<JsonNode, Violations> {
    }

    private MemberChecks() {
    }

    /** The operation, answered only when its request passes every check. */
    public static Function<JsonNode, JsonNode> checked(Function<JsonNode, JsonNode> operation, Check... checks) {
        List<Check> all = List.of(checks);
        return request -> {
            Violations violations = new Violations();
            all.forEach(check -> check.accept(request, violations));
            violations.throwIfAny();
            return operation.apply(request);
        };
    }

    public static Check capacity() {
        return oneOf("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");
    }

    public static Check returnValues() {
        return oneOf("ReturnValues", "ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
    }

    public static Check collectionMetrics() {
        return oneOf("ReturnItemCollectionMetrics", "SIZE", "NONE");
    }

    public static Check tableName() {
        return (request, violations) -> {
            JsonNode name = request.get("TableName");
            if (name == null || name.isNull()) {
                violations.add("null", "TableName", "Member must not be null");
            } else if (name.isTextual()) {
                violations.name(name.asText(), "TableName");
            }
        };
    }

    public static Check required(String field) {
        return (request, violations) -> {
            if (RequestFields.field(request, field).isEmpty()) {
                violations.add("null", field, "Member must not be null");
            }
        };
    }

    private static Check oneOf(String field, String... allowed) {
        return (request, violations) -> {
            JsonNode value = request.get(field);
            if (value != null && value.isTextual() && !List.of(allowed).contains(value.asText())) {
                violations.add("'" + value.asText() + "'", field, "Member must satisfy enum value set: ["
                        + String.join(", ", allowed) + "]");
            }
        };
    }
}
