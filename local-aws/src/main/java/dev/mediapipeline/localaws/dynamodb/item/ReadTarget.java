package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.storage.SortedItems;
import dev.mediapipeline.localaws.dynamodb.table.IndexEntries;
import dev.mediapipeline.localaws.dynamodb.table.KeySchema;
import dev.mediapipeline.localaws.dynamodb.table.SecondaryIndex;
import dev.mediapipeline.localaws.dynamodb.table.Table;
import dev.mediapipeline.localaws.dynamodb.table.TableDefinition;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a Query or Scan reads: the table, or one of its indexes (IndexName), and how its keys look. */
record ReadTarget(Table table, SecondaryIndex index) {

    static ReadTarget of(Table table, JsonNode request) {
        String indexName = RequestFields.text(request, "IndexName").orElse(null);
        if (indexName == null) {
            return new ReadTarget(table, null);
        }
        RequestFields.checkName(indexName, "IndexName");
        SecondaryIndex index = table.definition().index(indexName).orElseThrow(() -> DynamoDbException.validation(
                "The table does not have the specified index: " + indexName));
        if (index.global() && RequestFields.bool(request, "ConsistentRead")) {
            throw DynamoDbException.validation("Consistent reads are not supported on global secondary indexes");
        }
        return new ReadTarget(table, index);
    }

    TableDefinition definition() {
        return table.definition();
    }

    /** The key the read is ordered by: the index's or the table's. */
    KeySchema keys() {
        return index == null ? definition().keys() : index.keys();
    }

    SortedItems entries() {
        return index == null ? table.items() : table.index(index.name());
    }

    /** LastEvaluatedKey: the table's key, plus the index's key when reading an index. */
    Map<String, Value> lastKeyOf(Map<String, Value> item) {
        Map<String, Value> key = new LinkedHashMap<>(definition().keys().keyOf(item));
        if (index != null) {
            key.putAll(index.keys().keyOf(item));
        }
        return key;
    }

    /** The stored key an ExclusiveStartKey names; null when the request has none. */
    byte[] exclusiveStart(JsonNode request) {
        JsonNode node = request.get("ExclusiveStartKey");
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, Value> start = ValueJson.readItem(node);
        KeySchema tableKeys = definition().keys();
        boolean matches = tableKeys.covers(start) && (index == null || index.keys().covers(start))
                && start.keySet().stream().allMatch(a -> tableKeys.names().contains(a)
                        || index != null && index.keys().names().contains(a))
                && start.entrySet().stream().allMatch(e -> e.getValue().type() == definition().attributeDefinitions().get(e.getKey()));
        if (!matches) {
            throw DynamoDbException.validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
        byte[] tableKey = tableKeys.encode(start);
        return index == null ? tableKey : IndexEntries.entryKey(index, tableKey, start);
    }

    /** Whether an item read from an index has to be fetched from the table to give every attribute asked for. */
    boolean fetchesFromTable(String select) {
        return index != null && !index.global() && !index.projectionType().equals("ALL")
                && (select.equals("ALL_ATTRIBUTES") || select.equals("SPECIFIC_ATTRIBUTES"));
    }
}
