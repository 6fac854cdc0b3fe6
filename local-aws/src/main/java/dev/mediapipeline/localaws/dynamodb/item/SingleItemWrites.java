package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.capacity.ConsumedCapacity;
import dev.mediapipeline.localaws.dynamodb.expression.Condition;
import dev.mediapipeline.localaws.dynamodb.expression.Update;
import dev.mediapipeline.localaws.dynamodb.table.Table;
import dev.mediapipeline.localaws.dynamodb.table.TableCatalog;
import dev.mediapipeline.localaws.dynamodb.table.TableDefinition;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** PutItem, DeleteItem and UpdateItem. */
public final class SingleItemWrites {

    private final TableCatalog catalog;
    private final ItemWriter writer;

    public SingleItemWrites(TableCatalog catalog, ItemWriter writer) {
        this.catalog = catalog;
        this.writer = writer;
    }

    public JsonNode putItem(JsonNode request) {
        Table table = catalog.require(RequestFields.tableName(request, "TableName"));
        TableDefinition definition = table.definition();
        Map<String, Value> item = ValueJson.readItem(RequestFields.field(request, "Item").orElseThrow(() ->
                RequestFields.constraint("null", "Item", "Member must not be null")));
        ItemKeys.checkItem(item, definition);
        WriteOptions options = WriteOptions.of(request, false);
        Condition condition = conditionOf(request);
        ConsumedCapacity capacity = new ConsumedCapacity(definition.name());
        ItemWriter.Outcome outcome = writer.write(table, definition.keys().keyOf(item), current -> {
            options.check(condition, current);
            return item;
        }, capacity, false);
        return options.response(options.returnValues().equals("ALL_OLD") ? outcome.oldItem() : null, capacity,
                definition, item);
    }

    public JsonNode deleteItem(JsonNode request) {
        Table table = catalog.require(RequestFields.tableName(request, "TableName"));
        TableDefinition definition = table.definition();
        Map<String, Value> key = ItemKeys.readKey(request.get("Key"), definition);
        WriteOptions options = WriteOptions.of(request, false);
        Condition condition = conditionOf(request);
        ConsumedCapacity capacity = new ConsumedCapacity(definition.name());
        ItemWriter.Outcome outcome = writer.write(table, key, current -> {
            options.check(condition, current);
            return null;
        }, capacity, false);
        return options.response(options.returnValues().equals("ALL_OLD") ? outcome.oldItem() : null, capacity,
                definition, key);
    }

    public JsonNode updateItem(JsonNode request) {
        Table table = catalog.require(RequestFields.tableName(request, "TableName"));
        TableDefinition definition = table.definition();
        Map<String, Value> key = ItemKeys.readKey(request.get("Key"), definition);
        WriteOptions options = WriteOptions.of(request, true);
        RequestExpressions expressions = RequestExpressions.of(request);
        Update update = expressions.update();
        Condition condition = expressions.condition();
        expressions.requireAllUsed();
        if (update != null) {
            refuseKeyUpdates(update, definition);
        }
        ConsumedCapacity capacity = new ConsumedCapacity(definition.name());
        ItemWriter.Outcome outcome = writer.write(table, key, current -> {
            options.check(condition, current);
            Map<String, Value> next = applyUpdate(update, current == null ? key : current);
            ItemKeys.checkIndexKeys(next, definition);
            ItemKeys.checkSize(next);
            return next;
        }, capacity, false);
        return options.response(returned(options.returnValues(), update, outcome), capacity, definition, key);
    }

    /** Reads the ConditionExpression of a request that has no other expression. */
    private static Condition conditionOf(JsonNode request) {
        RequestExpressions expressions = RequestExpressions.of(request);
        Condition condition = expressions.condition();
        expressions.requireAllUsed();
        return condition;
    }

    private static Map<String, Value> applyUpdate(Update update, Map<String, Value> base) {
        return update == null ? new LinkedHashMap<>(base) : update.apply(base);
    }

    static void refuseKeyUpdates(Update update, TableDefinition definition) {
        for (String attribute : update.topLevelAttributes()) {
            if (definition.keys().names().contains(attribute)) {
                throw DynamoDbException.validation(ItemKeys.INVALID + "Cannot update attribute " + attribute
                        + ". This attribute is part of the key");
            }
        }
    }

    private static Map<String, Value> returned(String returnValues, Update update, ItemWriter.Outcome outcome) {
        return switch (returnValues) {
            case "ALL_OLD" -> outcome.oldItem();
            case "ALL_NEW" -> outcome.newItem();
            case "UPDATED_OLD" -> outcome.oldItem() == null || update == null ? null
                    : update.updatedPaths().apply(outcome.oldItem());
            case "UPDATED_NEW" -> update == null ? null : update.updatedPaths().apply(outcome.newItem());
            default -> null;
        };
    }
}
