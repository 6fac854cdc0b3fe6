package dev.mediapipeline.localaws.dynamodb.table;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A global or local secondary index: its key, which attributes it copies (ALL, KEYS_ONLY or INCLUDE
 * with {@code nonKeyAttributes}) and, for a global index, its own provisioned throughput.
 */
public record SecondaryIndex(String name, boolean global, KeySchema keys, String projectionType,
                             List<String> nonKeyAttributes, long readCapacity, long writeCapacity) {

    public SecondaryIndex {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }

    /** What the index holds of an item: the table's and the index's keys plus the projected attributes. */
    public Map<String, Value> project(Map<String, Value> item, KeySchema tableKeys) {
        if (projectionType.equals("ALL")) {
            return item;
        }
        Map<String, Value> projected = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (tableKeys.names().contains(name) || keys.names().contains(name) || nonKeyAttributes.contains(name)) {
                projected.put(name, value);
            }
        });
        return projected;
    }

    /** Whether the index copies an attribute, so a query on it can return that attribute. */
    public boolean projects(String attribute, KeySchema tableKeys) {
        return projectionType.equals("ALL") || tableKeys.names().contains(attribute)
                || keys.names().contains(attribute) || nonKeyAttributes.contains(attribute);
    }

    public SecondaryIndex withThroughput(long read, long write) {
        return new SecondaryIndex(name, global, keys, projectionType, nonKeyAttributes, read, write);
    }
}
