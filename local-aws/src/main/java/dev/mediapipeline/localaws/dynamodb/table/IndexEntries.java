package dev.mediapipeline.localaws.dynamodb.table;

import dev.mediapipeline.localaws.dynamodb.storage.SortedItems;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Arrays;
import java.util.Map;

/**
 * Keeps one index's entries in step with an item's change. An entry's key is the index key followed by
 * the table key, so entries sharing an index key stay distinct and sort as DynamoDB returns them; an
 * item without every index key attribute has no entry (a sparse index).
 */
public final class IndexEntries {

    private IndexEntries() {
    }

    /** Moves the item's entry from where {@code oldItem} had it to where {@code newItem} needs it (either may be null). */
    public static void update(TableDefinition table, SecondaryIndex index, SortedItems entries, byte[] tableKey,
                              Map<String, Value> oldItem, Map<String, Value> newItem) {
        byte[] oldEntry = entryKey(index, tableKey, oldItem);
        byte[] newEntry = entryKey(index, tableKey, newItem);
        if (oldEntry != null && (newEntry == null || !Arrays.equals(oldEntry, newEntry))) {
            entries.remove(oldEntry);
        }
        if (newEntry != null) {
            entries.put(newEntry, index.project(newItem, table.keys()));
        }
    }

    /** The entry key of an item in an index, or null when the index does not hold it. */
    public static byte[] entryKey(SecondaryIndex index, byte[] tableKey, Map<String, Value> item) {
        if (item == null || !index.keys().covers(item)) {
            return null;
        }
        byte[] indexKey = index.keys().encode(item);
        byte[] entry = Arrays.copyOf(indexKey, indexKey.length + tableKey.length);
        System.arraycopy(tableKey, 0, entry, indexKey.length, tableKey.length);
        return entry;
    }
}
