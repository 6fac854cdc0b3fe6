package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.expression.Condition;
import dev.mediapipeline.localaws.dynamodb.expression.Update;
import dev.mediapipeline.localaws.dynamodb.table.Table;
import dev.mediapipeline.localaws.dynamodb.table.TableCatalog;
import dev.mediapipeline.localaws.dynamodb.table.TableDefinition;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The elements of TransactWriteItems and TransactGetItems, read and validated before anything runs. */
final class TransactActions {

    private static final List<String> WRITE_KINDS = List.of("ConditionCheck", "Put", "Delete", "Update");

    private TransactActions() {
    }

    /**
     * One write element: its item, what it makes of the item's current state, and the size of the item
     * it puts (0 for the others), which DynamoDB's 4 MB per transaction counts.
     */
    record Action(Table table, Map<String, Value> key, byte[] encodedKey, ItemWriter.Change change, boolean writes,
                  long writtenBytes) {
    }

    static JsonNode itemsOf(JsonNode request, int max) {
        JsonNode items = RequestFields.field(request, "TransactItems").orElseThrow(() ->
                RequestFields.constraint("null", "TransactItems", "Member must not be null"));
        if (items.isEmpty() || items.size() > max) {
            throw RequestFields.constraint("'" + items + "'", "TransactItems", items.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to " + max);
        }
        return items;
    }

    static Action parse(JsonNode element, TableCatalog catalog) {
        List<String> kinds = WRITE_KINDS.stream().filter(element::hasNonNull).toList();
        if (kinds.size() != 1) {
            throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        String kind = kinds.get(0);
        JsonNode body = element.get(kind);
        Table table = catalog.require(RequestFields.tableName(body, "TableName"));
        TableDefinition definition = table.definition();
        boolean itemOnFailure = WriteOptions.onConditionFailure(body);
        WriteOptions options = new WriteOptions("NONE", itemOnFailure, "NONE", false);
        RequestExpressions expressions = RequestExpressions.of(body);
        Condition condition = expressions.condition();
        if (kind.equals("Put")) {
            Map<String, Value> item = ValueJson.readItem(body.get("Item"));
            ItemKeys.checkItem(item, definition);
            expressions.requireAllUsed();
            return new Action(table, definition.keys().keyOf(item), definition.keys().encode(item), current -> {
                options.check(condition, current);
                return item;
            }, true, Value.itemSize(item));
        }
        Map<String, Value> key = ItemKeys.readKey(body.get("Key"), definition);
        if (kind.equals("ConditionCheck") && condition == null) {
            throw DynamoDbException.validation("The ConditionExpression parameter is required for ConditionCheck");
        }
        Update update = kind.equals("Update") ? requireUpdate(expressions) : null;
        expressions.requireAllUsed();
        if (update != null) {
            SingleItemWrites.refuseKeyUpdates(update, definition);
        }
        return switch (kind) {
            case "Delete" -> action(table, key, current -> {
                options.check(condition, current);
                return null;
            }, true);
            case "Update" -> action(table, key, current -> {
                options.check(condition, current);
                Map<String, Value> next = update.apply(current == null ? new LinkedHashMap<>(key) : current);
                ItemKeys.checkIndexKeys(next, definition);
                ItemKeys.checkSize(next);
                return next;
            }, true);
            default -> action(table, key, current -> {
                options.check(condition, current);
                return current;
            }, false);
        };
    }

    private static Update requireUpdate(RequestExpressions expressions) {
        Update update = expressions.update();
        if (update == null) {
            throw DynamoDbException.validation("The UpdateExpression parameter is required for Update");
        }
        return update;
    }

    private static Action action(Table table, Map<String, Value> key, ItemWriter.Change change, boolean writes) {
        return new Action(table, key, table.definition().keys().encode(key), change, writes, 0);
    }
}
