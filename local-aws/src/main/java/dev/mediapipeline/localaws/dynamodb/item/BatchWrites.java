package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.capacity.ConsumedCapacity;
import dev.mediapipeline.localaws.dynamodb.table.Table;
import dev.mediapipeline.localaws.dynamodb.table.TableCatalog;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: every request is validated before any is written; each write then stands alone, as in
 * DynamoDB (the batch is not a transaction). Nothing is ever left unprocessed here.
 */
public final class BatchWrites {

    private static final int MAX_WRITES = 25;

    private final TableCatalog catalog;
    private final ItemWriter writer;

    public BatchWrites(TableCatalog catalog, ItemWriter writer) {
        this.catalog = catalog;
        this.writer = writer;
    }

    private record Write(Table table, Map<String, Value> key, Map<String, Value> item) {
    }

    public JsonNode batchWriteItem(JsonNode request) {
        JsonNode requestItems = RequestFields.requestItems(request, MAX_WRITES);
        List<Write> writes = parse(requestItems);
        String capacityMode = WriteOptions.capacityMode(request);
        boolean metrics = RequestFields.oneOf(request, "ReturnItemCollectionMetrics", "SIZE", "NONE").orElse("NONE").equals("SIZE");
        Map<String, ConsumedCapacity> capacities = new LinkedHashMap<>();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putObject("UnprocessedItems");
        ObjectNode collectionMetrics = JsonNodeFactory.instance.objectNode();
        for (Write write : writes) {
            ConsumedCapacity capacity = capacities.computeIfAbsent(write.table().name(), ConsumedCapacity::writes);
            writer.write(write.table(), write.key(), current -> write.item(), capacity, false);
            WriteOptions options = new WriteOptions("NONE", false, capacityMode, metrics);
            ObjectNode itemMetrics = options.collectionMetrics(write.table().definition(), write.key());
            if (itemMetrics != null) {
                collectionMetrics.withArray(write.table().name()).add(itemMetrics);
            }
        }
        ArrayNode consumed = ConsumedCapacity.renderAll(capacities.values(), capacityMode);
        if (consumed != null) {
            response.set("ConsumedCapacity", consumed);
        }
        if (metrics) {
            response.set("ItemCollectionMetrics", collectionMetrics);
        }
        return response;
    }

    private List<Write> parse(JsonNode requestItems) {
        List<Write> writes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        var tables = requestItems.fields();
        while (tables.hasNext()) {
            var entry = tables.next();
            Table table = catalog.require(entry.getKey());
            for (JsonNode writeRequest : entry.getValue()) {
                Write write = parse(table, writeRequest);
                if (!seen.add(table.name() + "\u0000" + ValueJson.writeItem(write.key()))) {
                    throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
        }
        if (writes.size() > MAX_WRITES) {
            throw DynamoDbException.validation("Too many items requested for the BatchWriteItem call");
        }
        return writes;
    }

    private static Write parse(Table table, JsonNode writeRequest) {
        JsonNode put = writeRequest.get("PutRequest");
        JsonNode delete = writeRequest.get("DeleteRequest");
        if ((put == null) == (delete == null)) {
            throw DynamoDbException.validation("Supplied AttributeValue has more than one datatypes set, must contain "
                    + "exactly one of the supported datatypes");
        }
        if (put != null) {
            Map<String, Value> item = ValueJson.readItem(put.get("Item"));
            ItemKeys.checkItem(item, table.definition());
            return new Write(table, table.definition().keys().keyOf(item), item);
        }
        return new Write(table, ItemKeys.readKey(delete.get("Key"), table.definition()), null);
    }
}
