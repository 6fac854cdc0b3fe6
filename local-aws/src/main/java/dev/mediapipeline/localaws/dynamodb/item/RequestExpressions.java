package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.expression.Condition;
import dev.mediapipeline.localaws.dynamodb.expression.ExpressionContext;
import dev.mediapipeline.localaws.dynamodb.expression.Expressions;
import dev.mediapipeline.localaws.dynamodb.expression.KeyCondition;
import dev.mediapipeline.localaws.dynamodb.expression.LegacyParameters;
import dev.mediapipeline.localaws.dynamodb.expression.Projection;
import dev.mediapipeline.localaws.dynamodb.expression.Update;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The expressions of one request (or of one element of a transaction), parsed against its shared
 * ExpressionAttributeNames and ExpressionAttributeValues. Call {@link #requireAllUsed()} once every
 * expression the request has was asked for.
 */
final class RequestExpressions {

    private static final List<String> EXPRESSIONS = List.of("ConditionExpression", "FilterExpression",
            "ProjectionExpression", "UpdateExpression", "KeyConditionExpression");
    private static final List<String> NON_EXPRESSIONS = List.of("Expected", "QueryFilter", "ScanFilter",
            "AttributesToGet", "AttributeUpdates", "KeyConditions", "ConditionalOperator");

    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

    private final JsonNode request;
    private final ExpressionContext context;

    private RequestExpressions(JsonNode request, ExpressionContext context) {
        this.request = request;
        this.context = context;
    }

    /**
     * @param valueExpressions the expressions of this operation that can use ExpressionAttributeValues, which
     *                         DynamoDB names when values come without any of them
     */
    static RequestExpressions of(JsonNode request, String... valueExpressions) {
        List<String> expressions = present(request, EXPRESSIONS);
        List<String> nonExpressions = present(request, NON_EXPRESSIONS);
        if (!expressions.isEmpty() && !nonExpressions.isEmpty()) {
            throw DynamoDbException.validation("Can not use both expression and non-expression parameters in the same "
                    + "request: Non-expression parameters: {" + String.join(", ", nonExpressions)
                    + "} Expression parameters: {" + String.join(", ", expressions) + "}");
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Value> values = new LinkedHashMap<>();
        RequestFields.field(request, "ExpressionAttributeNames").ifPresent(node -> {
            if (expressions.isEmpty()) {
                throw DynamoDbException.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            if (node.isEmpty()) {
                throw DynamoDbException.validation("ExpressionAttributeNames must not be empty");
            }
            checkPlaceholders(node, "ExpressionAttributeNames", NAME_KEY);
            node.fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        });
        RequestFields.field(request, "ExpressionAttributeValues").ifPresent(node -> {
            if (valueExpressions.length > 0 && present(request, List.of(valueExpressions)).isEmpty()) {
                throw DynamoDbException.validation("ExpressionAttributeValues can only be specified when using expressions: "
                        + String.join(" and ", valueExpressions) + (valueExpressions.length > 1 ? " are null" : " is null"));
            }
            if (expressions.isEmpty()) {
                throw DynamoDbException.validation("ExpressionAttributeValues can only be specified when using expressions");
            }
            if (node.isEmpty()) {
                throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
            }
            checkPlaceholders(node, "ExpressionAttributeValues", VALUE_KEY);
            values.putAll(ValueJson.readItem(node));
        });
        return new RequestExpressions(request, expressions.isEmpty() ? null : new ExpressionContext(names, values));
    }

    /** Every key of ExpressionAttributeNames or ExpressionAttributeValues must be a placeholder: #name or :value. */
    private static void checkPlaceholders(JsonNode map, String field, Pattern key) {
        map.fieldNames().forEachRemaining(k -> {
            if (!key.matcher(k).matches()) {
                throw DynamoDbException.validation(field + " contains invalid key: Syntax error; key: \"" + k + "\"");
            }
        });
    }

    /** ConditionExpression, or the legacy Expected; null when the request has neither. */
    Condition condition() {
        if (text("ConditionExpression") != null) {
            return Expressions.condition(text("ConditionExpression"), context);
        }
        return legacy("Expected") == null ? null : LegacyParameters.expected(legacy("Expected"), legacy("ConditionalOperator"));
    }

    /** FilterExpression, or the legacy QueryFilter or ScanFilter; null when the request has none. */
    Condition filter() {
        if (text("FilterExpression") != null) {
            return Expressions.filter(text("FilterExpression"), context);
        }
        String parameter = legacy("QueryFilter") != null ? "QueryFilter" : "ScanFilter";
        JsonNode legacyFilter = legacy(parameter);
        return legacyFilter == null ? null : LegacyParameters.filter(parameter, legacyFilter, legacy("ConditionalOperator"));
    }

    /** ProjectionExpression, or the legacy AttributesToGet; null when the request has neither. */
    Projection projection() {
        if (text("ProjectionExpression") != null) {
            return Expressions.projection(text("ProjectionExpression"), context);
        }
        return legacy("AttributesToGet") == null ? null : LegacyParameters.attributesToGet(legacy("AttributesToGet"));
    }

    /** UpdateExpression, or the legacy AttributeUpdates; null when the request has neither. */
    Update update() {
        if (text("UpdateExpression") != null) {
            return Expressions.update(text("UpdateExpression"), context);
        }
        return legacy("AttributeUpdates") == null ? null : LegacyParameters.attributeUpdates(legacy("AttributeUpdates"));
    }

    /** KeyConditionExpression or the legacy KeyConditions, one of which a Query must have. */
    KeyCondition keyCondition(String partitionKey, String sortKey) {
        String text = text("KeyConditionExpression");
        if (text != null) {
            return Expressions.keyCondition(text, context, partitionKey, sortKey);
        }
        if (legacy("KeyConditions") == null) {
            throw DynamoDbException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        return LegacyParameters.keyConditions(legacy("KeyConditions"), partitionKey, sortKey);
    }

    /** Whether the projection, if any, came from AttributesToGet, as some messages say. */
    boolean projectsByAttributesToGet() {
        return legacy("AttributesToGet") != null;
    }

    void requireAllUsed() {
        if (context != null) {
            context.requireAllUsed();
        }
    }

    private JsonNode legacy(String field) {
        return RequestFields.field(request, field).orElse(null);
    }

    private String text(String field) {
        return RequestFields.text(request, field).orElse(null);
    }

    private static List<String> present(JsonNode request, List<String> fields) {
        List<String> found = new ArrayList<>();
        fields.stream().filter(request::hasNonNull).forEach(found::add);
        return found;
    }
}
