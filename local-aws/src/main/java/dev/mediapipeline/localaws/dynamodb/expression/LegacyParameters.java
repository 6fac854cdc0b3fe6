package dev.mediapipeline.localaws.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters DynamoDB had before expressions (Expected, QueryFilter, ScanFilter, ConditionalOperator,
 * AttributesToGet, AttributeUpdates, KeyConditions), read from the request's JSON into the same
 * {@link Condition}, {@link Projection}, {@link Update} and {@link KeyCondition} the expressions give.
 * A null or JSON-null parameter is "not supplied".
 */
public final class LegacyParameters {

    private static final Condition ALWAYS = item -> true;

    private LegacyParameters() {
    }

    /** Expected, joined by ConditionalOperator (AND when absent). */
    public static Condition expected(JsonNode expected, JsonNode conditionalOperator) {
        List<Cond> conditions = new ArrayList<>();
        fields(expected).forEach((attribute, condition) -> conditions.add(expectation(attribute, condition)));
        return join(conditions, conditionalOperator);
    }

    /**
     * QueryFilter or ScanFilter, joined by ConditionalOperator (AND when absent).
     *
     * @param parameter "QueryFilter" or "ScanFilter"
     */
    public static Condition filter(String parameter, JsonNode filter, JsonNode conditionalOperator) {
        List<Cond> conditions = new ArrayList<>();
        fields(filter).forEach((attribute, condition) -> {
            String operator = LegacyConditions.operator(condition, parameter + "." + attribute + ".member.comparisonOperator");
            List<Value> values = LegacyConditions.values(condition.get("AttributeValueList"));
            LegacyConditions.requireCount(operator, values.size());
            LegacyConditions.requireConsistent(operator, values);
            LegacyConditions.requireTypes(operator, values);
            conditions.add(LegacyConditions.build(attribute, operator, values));
        });
        return join(conditions, conditionalOperator);
    }

    /** KeyConditions of a Query on a table or index keyed by {@code partitionKey} and {@code sortKey} (or null). */
    public static KeyCondition keyConditions(JsonNode keyConditions, String partitionKey, String sortKey) {
        Map<String, SortKeyCondition> byAttribute = new LinkedHashMap<>();
        fields(keyConditions).forEach((attribute, condition) -> {
            String operator = LegacyConditions.operator(condition, "keyConditions." + attribute + ".member.comparisonOperator");
            List<Value> values = LegacyConditions.values(condition.get("AttributeValueList"));
            if (!LegacyConditions.countFits(operator, values.size())) {
                throw DynamoDbException.validation("The attempted filter operation is not supported for the provided filter argument count");
            }
            LegacyConditions.requireConsistent(operator, values);
            LegacyConditions.requireTypes(operator, values);
            if (!List.of("EQ", "LE", "LT", "GE", "GT", "BEGINS_WITH", "BETWEEN").contains(operator)) {
                throw DynamoDbException.validation("Attempted conditional constraint is not an indexable operation");
            }
            byAttribute.put(attribute, new SortKeyCondition(operator, values.get(0), values.size() > 1 ? values.get(1) : null));
        });
        if (byAttribute.size() > 2) {
            throw DynamoDbException.validation("Conditions can be of length 1 or 2 only");
        }
        return KeyConditions.forSchema(byAttribute, partitionKey, sortKey);
    }

    /** AttributesToGet: top-level attribute names. */
    public static Projection attributesToGet(JsonNode attributesToGet) {
        List<Path> paths = new ArrayList<>();
        attributesToGet.forEach(name -> paths.add(Path.of(name.asText())));
        return new PathProjection(paths);
    }

    /** AttributeUpdates: PUT (the default), DELETE (the attribute, or members of a set) and ADD. */
    public static Update attributeUpdates(JsonNode attributeUpdates) {
        List<UpdateAction> actions = new ArrayList<>();
        fields(attributeUpdates).forEach((attribute, update) -> actions.add(attributeUpdate(attribute, update)));
        return new ParsedUpdate(actions, DynamoDbException.validation("Type mismatch for attribute to update"));
    }

    private static UpdateAction attributeUpdate(String attribute, JsonNode update) {
        JsonNode actionNode = update.get("Action");
        String action = actionNode == null || actionNode.isNull() ? "PUT" : actionNode.asText();
        JsonNode valueNode = update.get("Value");
        Value value = valueNode == null || valueNode.isNull() ? null : ValueJson.read(valueNode);
        Path path = Path.of(attribute);
        if (value == null) {
            if (!action.equals("DELETE")) {
                throw LegacyConditions.invalid("Only DELETE action is allowed when no attribute value is specified");
            }
            return new UpdateAction.Remove(path);
        }
        return switch (action) {
            case "PUT" -> new UpdateAction.Assign(path, new Operand.Literal(value));
            case "ADD" -> {
                if (value.type() != Value.Type.N && value.type() != Value.Type.L && !value.type().isSet()) {
                    throw LegacyConditions.invalid("ADD action is not supported for the type " + value.type());
                }
                yield new UpdateAction.Add(path, value);
            }
            case "DELETE" -> {
                if (!value.type().isSet()) {
                    throw LegacyConditions.invalid("DELETE action with value is not supported for the type " + value.type());
                }
                yield new UpdateAction.Delete(path, value);
            }
            default -> throw DynamoDbException.validation("1 validation error detected: Value '" + action
                    + "' at 'attributeUpdates." + attribute + ".member.action' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [ADD, PUT, DELETE]");
        };
    }

    private static Cond expectation(String attribute, JsonNode condition) {
        boolean hasList = present(condition, "AttributeValueList");
        boolean hasValue = present(condition, "Value");
        boolean hasExists = present(condition, "Exists");
        if (hasList && hasValue) {
            throw LegacyConditions.invalid("Value and AttributeValueList cannot be used together for Attribute: " + attribute);
        }
        if (present(condition, "ComparisonOperator")) {
            String operator = LegacyConditions.operator(condition, "expected." + attribute + ".member.comparisonOperator");
            if (hasExists) {
                throw LegacyConditions.invalid("Exists and ComparisonOperator cannot be used together for Attribute: " + attribute);
            }
            if (!operator.equals("NULL") && !operator.equals("NOT_NULL") && !hasList && !hasValue) {
                throw LegacyConditions.invalid("Value or AttributeValueList must be used with ComparisonOperator: "
                        + operator + " for Attribute: " + attribute);
            }
            List<Value> values = hasValue ? List.of(ValueJson.read(condition.get("Value")))
                    : LegacyConditions.values(condition.get("AttributeValueList"));
            LegacyConditions.requireCount(operator, values.size());
            LegacyConditions.requireConsistent(operator, values);
            return LegacyConditions.build(attribute, operator, values);
        }
        if (hasList) {
            throw LegacyConditions.invalid("AttributeValueList can only be used with a ComparisonOperator for Attribute: " + attribute);
        }
        boolean exists = !hasExists || condition.get("Exists").asBoolean();
        if (exists && !hasValue) {
            throw LegacyConditions.invalid("Value must be provided when Exists is " + (hasExists ? "true" : "null")
                    + " for Attribute: " + attribute);
        }
        if (!exists && hasValue) {
            throw LegacyConditions.invalid("Value cannot be used when Exists is false for Attribute: " + attribute);
        }
        Path path = Path.of(attribute);
        return exists ? new Cond.Compare("=", new Operand.Attribute(path), new Operand.Literal(ValueJson.read(condition.get("Value"))))
                : new Cond.Exists(path, false);
    }

    private static Condition join(List<Cond> conditions, JsonNode conditionalOperator) {
        String operator = conditionalOperator == null || conditionalOperator.isNull() ? "AND" : conditionalOperator.asText();
        if (!operator.equals("AND") && !operator.equals("OR")) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + operator
                    + "' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [OR, AND]");
        }
        return conditions.stream().reduce((a, b) -> operator.equals("AND") ? new Cond.And(a, b) : new Cond.Or(a, b))
                .<Condition>map(c -> c).orElse(ALWAYS);
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (object != null && !object.isNull()) {
            object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        }
        return fields;
    }

    private static boolean present(JsonNode node, String field) {
        return node.has(field) && !node.get(field).isNull();
    }
}
