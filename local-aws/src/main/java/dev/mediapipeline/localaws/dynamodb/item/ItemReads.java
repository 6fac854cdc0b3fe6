package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.capacity.ConsumedCapacity;
import dev.mediapipeline.localaws.dynamodb.expression.Projection;
import dev.mediapipeline.localaws.dynamodb.table.Table;
import dev.mediapipeline.localaws.dynamodb.table.TableCatalog;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** GetItem and BatchGetItem. */
public final class ItemReads {

    private static final int MAX_BATCH_KEYS = 100;
    private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final TableCatalog catalog;

    public ItemReads(TableCatalog catalog) {
        this.catalog = catalog;
    }

    public JsonNode getItem(JsonNode request) {
        Table table = catalog.require(RequestFields.tableName(request, "TableName"));
        Map<String, Value> key = ItemKeys.readKey(request.get("Key"), table.definition());
        Projection projection = projectionOf(request);
        boolean consistent = RequestFields.bool(request, "ConsistentRead");
        Map<String, Value> item = table.items().get(table.definition().keys().encode(key));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (item != null) {
            response.set("Item", ValueJson.writeItem(projection == null ? item : projection.apply(item)));
        }
        ConsumedCapacity capacity = ConsumedCapacity.reads(table.name());
        capacity.addTable(ConsumedCapacity.readUnits(item == null ? 0 : Value.itemSize(item), consistent));
        ObjectNode consumed = capacity.render(WriteOptions.capacityMode(request));
        if (consumed != null) {
            response.set("ConsumedCapacity", consumed);
        }
        return response;
    }

    /** Reads every key it can within DynamoDB's 16 MB response; the rest come back as UnprocessedKeys. */
    public JsonNode batchGetItem(JsonNode request) {
        JsonNode requestItems = RequestFields.requestItems(request);
        int keyCount = 0;
        for (var tables = requestItems.fields(); tables.hasNext(); ) {
            var entry = tables.next();
            keyCount += keysOf(entry.getKey(), entry.getValue()).size();
        }
        if (keyCount > MAX_BATCH_KEYS) {
            throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
        }
        String capacityMode = WriteOptions.capacityMode(request);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode responses = response.putObject("Responses");
        ObjectNode unprocessed = response.putObject("UnprocessedKeys");
        ArrayNode consumedList = JsonNodeFactory.instance.arrayNode();
        long responseBytes = 0;
        var tables = requestItems.fields();
        while (tables.hasNext()) {
            var entry = tables.next();
            Table table = catalog.require(entry.getKey());
            JsonNode tableRequest = entry.getValue();
            Projection projection = projectionOf(tableRequest);
            boolean consistent = RequestFields.bool(tableRequest, "ConsistentRead");
            ArrayNode items = responses.putArray(table.name());
            ConsumedCapacity capacity = ConsumedCapacity.reads(table.name());
            Set<String> seen = new HashSet<>();
            for (JsonNode keyNode : tableRequest.path("Keys")) {
                Map<String, Value> key = ItemKeys.readKey(keyNode, table.definition());
                if (!seen.add(ValueJson.writeItem(key).toString())) {
                    throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                }
                if (responseBytes >= MAX_RESPONSE_BYTES) {
                    unprocessedFor(unprocessed, table.name(), tableRequest).add(keyNode);
                    continue;
                }
                Map<String, Value> item = table.items().get(table.definition().keys().encode(key));
                capacity.addTable(ConsumedCapacity.readUnits(item == null ? 0 : Value.itemSize(item), consistent));
                if (item != null) {
                    responseBytes += Value.itemSize(item);
                    items.add(ValueJson.writeItem(projection == null ? item : projection.apply(item)));
                }
            }
            ObjectNode consumed = capacity.render(capacityMode);
            if (consumed != null) {
                consumedList.add(consumed);
            }
        }
        if (!consumedList.isEmpty()) {
            response.set("ConsumedCapacity", consumedList);
        }
        return response;
    }

    /** The Keys list of a table's UnprocessedKeys entry, which keeps the request's other fields. */
    private static ArrayNode unprocessedFor(ObjectNode unprocessed, String tableName, JsonNode tableRequest) {
        if (!unprocessed.has(tableName)) {
            ObjectNode copy = tableRequest.deepCopy();
            copy.putArray("Keys");
            unprocessed.set(tableName, copy);
        }
        return (ArrayNode) unprocessed.get(tableName).get("Keys");
    }

    /** A table's Keys in BatchGetItem: 1 to 100 of them, named by their path in the request when they are not. */
    private static JsonNode keysOf(String tableName, JsonNode tableRequest) {
        String field = "RequestItems." + tableName + ".member.keys";
        JsonNode keys = RequestFields.field(tableRequest, "Keys").orElseThrow(() ->
                RequestFields.constraint("null", field, "Member must not be null"));
        if (keys.isEmpty()) {
            throw RequestFields.constraint("'[]'", field, "Member must have length greater than or equal to 1");
        }
        if (keys.size() > MAX_BATCH_KEYS) {
            throw RequestFields.constraint("'" + keys + "'", field, "Member must have length less than or equal to " + MAX_BATCH_KEYS);
        }
        return keys;
    }

    static Projection projectionOf(JsonNode request) {
        RequestExpressions expressions = RequestExpressions.of(request);
        Projection projection = expressions.projection();
        expressions.requireAllUsed();
        return projection;
    }
}
