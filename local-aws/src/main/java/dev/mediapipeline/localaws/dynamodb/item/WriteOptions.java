package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.capacity.ConsumedCapacity;
import dev.mediapipeline.localaws.dynamodb.expression.Condition;
import dev.mediapipeline.localaws.dynamodb.table.TableDefinition;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.Map;

/**
 * What a write request asks back (ReturnValues, ReturnValuesOnConditionCheckFailure,
 * ReturnConsumedCapacity, ReturnItemCollectionMetrics), and the parts of the answer they add.
 */
record WriteOptions(String returnValues, boolean itemOnConditionFailure, String capacityMode, boolean collectionMetrics) {

    static WriteOptions of(JsonNode request, boolean updateValuesAllowed) {
        String returnValues = RequestFields.oneOf(request, "ReturnValues",
                "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW").orElse("NONE");
        if (!updateValuesAllowed && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw DynamoDbException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return new WriteOptions(returnValues, onConditionFailure(request), capacityMode(request),
                RequestFields.oneOf(request, "ReturnItemCollectionMetrics", "SIZE", "NONE").orElse("NONE").equals("SIZE"));
    }

    static boolean onConditionFailure(JsonNode request) {
        return RequestFields.oneOf(request, "ReturnValuesOnConditionCheckFailure", "ALL_OLD", "NONE")
                .orElse("NONE").equals("ALL_OLD");
    }

    static String capacityMode(JsonNode request) {
        return RequestFields.oneOf(request, "ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE").orElse("NONE");
    }

    /** Throws DynamoDB's ConditionalCheckFailedException when {@code condition} rejects {@code current}. */
    void check(Condition condition, Map<String, Value> current) {
        if (condition != null && !condition.test(current == null ? Map.of() : current)) {
            throw new ConditionalCheckFailedException(itemOnConditionFailure ? current : null);
        }
    }

    /** The answer: Attributes when asked for and not empty, ConsumedCapacity, ItemCollectionMetrics. */
    ObjectNode response(Map<String, Value> attributes, ConsumedCapacity capacity, TableDefinition table,
                        Map<String, Value> item) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (attributes != null && !attributes.isEmpty()) {
            response.set("Attributes", ValueJson.writeItem(attributes));
        }
        ObjectNode consumed = capacity.render(capacityMode);
        if (consumed != null) {
            response.set("ConsumedCapacity", consumed);
        }
        ObjectNode metrics = collectionMetrics(table, item);
        if (metrics != null) {
            response.set("ItemCollectionMetrics", metrics);
        }
        return response;
    }

    /**
     * For tables with local secondary indexes: the item collection's key and DynamoDB's size estimate
     * range in GB (a local table's collections stay far below 1 GB).
     */
    ObjectNode collectionMetrics(TableDefinition table, Map<String, Value> item) {
        if (!collectionMetrics || table.localIndexes().isEmpty() || item == null) {
            return null;
        }
        ObjectNode metrics = JsonNodeFactory.instance.objectNode();
        String partitionKey = table.keys().partitionKey();
        metrics.putObject("ItemCollectionKey").set(partitionKey, ValueJson.write(item.get(partitionKey)));
        metrics.putArray("SizeEstimateRangeGB").add(0.0).add(1.0);
        return metrics;
    }
}
