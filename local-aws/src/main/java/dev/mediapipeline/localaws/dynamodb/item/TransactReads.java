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
import java.util.LinkedHashMap;
import java.util.Map;

/** TransactGetItems: up to 100 items read as of one moment, at twice a consistent read's price. */
public final class TransactReads {

    private static final int MAX_ITEMS = 100;

    private final TableCatalog catalog;

    public TransactReads(TableCatalog catalog) {
        this.catalog = catalog;
    }

    public JsonNode transactGetItems(JsonNode request) {
        JsonNode items = TransactActions.itemsOf(request, MAX_ITEMS);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = response.putArray("Responses");
        Map<String, ConsumedCapacity> capacities = new LinkedHashMap<>();
        for (JsonNode element : items) {
            JsonNode get = RequestFields.field(element, "Get").orElseThrow(() ->
                    DynamoDbException.validation("TransactItems can only contain Get"));
            Table table = catalog.require(RequestFields.tableName(get, "TableName"));
            Map<String, Value> key = ItemKeys.readKey(get.get("Key"), table.definition());
            Projection projection = ItemReads.projectionOf(get);
            Map<String, Value> item = table.items().get(table.definition().keys().encode(key));
            ObjectNode entry = responses.addObject();
            if (item != null) {
                entry.set("Item", ValueJson.writeItem(projection == null ? item : projection.apply(item)));
            }
            capacities.computeIfAbsent(table.name(), ConsumedCapacity::reads)
                    .addTable(ConsumedCapacity.readUnits(item == null ? 0 : Value.itemSize(item), true));
        }
        capacities.values().forEach(ConsumedCapacity::transactional);
        ArrayNode consumed = ConsumedCapacity.renderAll(capacities.values(), WriteOptions.capacityMode(request));
        if (consumed != null) {
            response.set("ConsumedCapacity", consumed);
        }
        return response;
    }
}
