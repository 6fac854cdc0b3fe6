package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.expression.Condition;
import dev.mediapipeline.localaws.dynamodb.expression.ExpressionContext;
import dev.mediapipeline.localaws.dynamodb.expression.Expressions;
import dev.mediapipeline.localaws.dynamodb.expression.KeyCondition;
import dev.mediapipeline.localaws.dynamodb.expression.Projection;
import dev.mediapipeline.localaws.dynamodb.expression.Update;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private final JsonNode request;
    private final ExpressionContext context;

    private RequestExpressions(JsonNode request, ExpressionContext context) {
        this.request = request;
        this.context = context;
    }

    static RequestExpressions of(JsonNode request) {
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
            node.fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        });
        RequestFields.field(request, "ExpressionAttributeValues").ifPresent(node -> {
            if (expressions.isEmpty()) {
                throw DynamoDbException.validation("ExpressionAttributeValues can only be specified when using expressions");
            }
            if (node.isEmpty()) {
                throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
            }
            values.putAll(ValueJson.readItem(node));
        });
        return new RequestExpressions(request, expressions.isEmpty() ? null : new ExpressionContext(names, values));
    }

    /** ConditionExpression; null when the request has none. */
    Condition condition() {
        return text("ConditionExpression") == null ? null : Expressions.condition(text("ConditionExpression"), context);
    }

    /** FilterExpression; null when the request has none. */
    Condition filter() {
        return text("FilterExpression") == null ? null : Expressions.filter(text("FilterExpression"), context);
    }

    /** ProjectionExpression; null when the request has none. */
    Projection projection() {
        return text("ProjectionExpression") == null ? null : Expressions.projection(text("ProjectionExpression"), context);
    }

    /** UpdateExpression; null when the request has none. */
    Update update() {
        return text("UpdateExpression") == null ? null : Expressions.update(text("UpdateExpression"), context);
    }

    /** KeyConditionExpression, which a Query must have. */
    KeyCondition keyCondition(String partitionKey, String sortKey) {
        String text = text("KeyConditionExpression");
        if (text == null) {
            throw DynamoDbException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        return Expressions.keyCondition(text, context, partitionKey, sortKey);
    }

    void requireAllUsed() {
        if (context != null) {
            context.requireAllUsed();
        }
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
