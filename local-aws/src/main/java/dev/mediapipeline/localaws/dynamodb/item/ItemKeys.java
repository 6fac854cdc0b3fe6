package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.table.KeySchema;
import dev.mediapipeline.localaws.dynamodb.table.SecondaryIndex;
import dev.mediapipeline.localaws.dynamodb.table.TableDefinition;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.Map;

/** DynamoDB's rules for keys and items: key attributes present with their declared types, sizes. */
final class ItemKeys {

    static final String INVALID = "One or more parameter values were invalid: ";
    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;
    private static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemKeys() {
    }

    /** A Key parameter: exactly the table's key attributes, with their types. Returns it read. */
    static Map<String, Value> readKey(JsonNode node, TableDefinition table) {
        if (node == null || node.isNull()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'key' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        Map<String, Value> key = ValueJson.readItem(node);
        KeySchema keys = table.keys();
        if (key.size() != keys.names().size() || !keys.covers(key)) {
            throw DynamoDbException.validation("The provided key element does not match the schema");
        }
        for (String name : keys.names()) {
            if (key.get(name).type() != keys.typeOf(name)) {
                throw DynamoDbException.validation("The provided key element does not match the schema");
            }
            checkKeyValue(name, key.get(name), name.equals(keys.partitionKey()));
        }
        return key;
    }

    /** An item to write: its key attributes, its index keys and its size. */
    static void checkItem(Map<String, Value> item, TableDefinition table) {
        KeySchema keys = table.keys();
        for (String name : keys.names()) {
            Value value = item.get(name);
            if (value == null) {
                throw DynamoDbException.validation(INVALID + "Missing the key " + name + " in the item");
            }
            if (value.type() != keys.typeOf(name)) {
                throw DynamoDbException.validation(INVALID + "Type mismatch for key " + name + " expected: "
                        + keys.typeOf(name) + " actual: " + value.type());
            }
            checkKeyValue(name, value, name.equals(keys.partitionKey()));
        }
        checkIndexKeys(item, table);
        checkSize(item);
    }

    static void checkSize(Map<String, Value> item) {
        if (Value.itemSize(item) > MAX_ITEM_BYTES) {
            throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
        }
    }

    /** Index key attributes an item has must have the type their definition declares, and not be empty. */
    static void checkIndexKeys(Map<String, Value> item, TableDefinition table) {
        for (SecondaryIndex index : table.indexes()) {
            for (String name : index.keys().names()) {
                Value value = item.get(name);
                if (value == null) {
                    continue;
                }
                Value.Type declared = table.attributeDefinitions().get(name);
                if (value.type() != declared) {
                    throw DynamoDbException.validation(INVALID + "Type mismatch for Index Key " + name + " Expected: "
                            + declared + " Actual: " + value.type() + " IndexName: " + index.name());
                }
                if (isEmpty(value)) {
                    throw DynamoDbException.validation("One or more parameter values are not valid. A value specified for a "
                            + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an "
                            + "empty " + typeWord(value) + " value. IndexName: " + index.name() + ", IndexKey: " + name);
                }
            }
        }
    }

    private static void checkKeyValue(String name, Value value, boolean partition) {
        if (isEmpty(value)) {
            throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + typeWord(value) + " value. Key: " + name);
        }
        int bytes = value.type() == Value.Type.N ? 0 : value.size();
        if (partition && bytes > MAX_PARTITION_KEY_BYTES) {
            throw DynamoDbException.validation(INVALID + "Size of hashkey has exceeded the maximum size limit of"
                    + MAX_PARTITION_KEY_BYTES + " bytes");
        }
        if (!partition && bytes > MAX_SORT_KEY_BYTES) {
            throw DynamoDbException.validation(INVALID + "Aggregated size of all range keys has exceeded the size limit of "
                    + MAX_SORT_KEY_BYTES + " bytes");
        }
    }

    private static boolean isEmpty(Value value) {
        return value.type() == Value.Type.S && value.asS().isEmpty()
                || value.type() == Value.Type.B && value.asB().length() == 0;
    }

    private static String typeWord(Value value) {
        return value.type() == Value.Type.S ? "string" : "binary";
    }
}
