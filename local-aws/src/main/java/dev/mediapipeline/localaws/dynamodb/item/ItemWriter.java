package dev.mediapipeline.localaws.dynamodb.item;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.capacity.ConsumedCapacity;
import dev.mediapipeline.localaws.dynamodb.storage.Database;
import dev.mediapipeline.localaws.dynamodb.storage.ItemLocks;
import dev.mediapipeline.localaws.dynamodb.streams.ItemChange;
import dev.mediapipeline.localaws.dynamodb.streams.TableStreams;
import dev.mediapipeline.localaws.dynamodb.table.IndexEntries;
import dev.mediapipeline.localaws.dynamodb.table.SecondaryIndex;
import dev.mediapipeline.localaws.dynamodb.table.Table;
import dev.mediapipeline.localaws.dynamodb.table.TableDefinition;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Lock;

/**
 * Every item write goes through here: under the item's lock it reads the current item, lets the caller
 * decide the new one (checking its condition), then writes item, index entries and stream record
 * together, and commits before the caller answers.
 */
public final class ItemWriter {

    private final Database database;
    private final ItemLocks locks;
    private final TableStreams streams;

    public ItemWriter(Database database, ItemLocks locks, TableStreams streams) {
        this.database = database;
        this.locks = locks;
        this.streams = streams;
    }

    /** Decides an item's new state from its current one (null: absent); throws to write nothing. */
    @FunctionalInterface
    public interface Change {
        Map<String, Value> apply(Map<String, Value> current);
    }

    /** What one write found and left. */
    public record Outcome(Map<String, Value> oldItem, Map<String, Value> newItem) {
    }

    /** Writes one item; {@code capacity} (may be null) is charged for it. */
    public Outcome write(Table table, Map<String, Value> key, Change change, ConsumedCapacity capacity, boolean byTimeToLive) {
        byte[] encodedKey = table.definition().keys().encode(key);
        Lock schema = table.schemaLock().readLock();
        schema.lock();
        Outcome outcome;
        try (ItemLocks.Held held = locks.lock(table.name(), encodedKey)) {
            if (table.deleted()) {
                throw DynamoDbException.resourceNotFound("Requested resource not found");
            }
            Map<String, Value> current = table.items().get(encodedKey);
            Map<String, Value> next = change.apply(current);
            store(table, encodedKey, current, next, capacity, byTimeToLive);
            outcome = new Outcome(current, next);
        } finally {
            schema.unlock();
        }
        database.commit();
        return outcome;
    }

    public ItemLocks locks() {
        return locks;
    }

    public void commit() {
        database.commit();
    }

    /** Writes under locks the caller holds: the item, its index entries and its stream record. */
    void store(Table table, byte[] encodedKey, Map<String, Value> oldItem, Map<String, Value> newItem,
               ConsumedCapacity capacity, boolean byTimeToLive) {
        TableDefinition definition = table.definition();
        if (capacity != null) {
            charge(definition, encodedKey, oldItem, newItem, capacity);
        }
        if (Objects.equals(oldItem, newItem)) {
            return;
        }
        if (newItem == null) {
            table.items().remove(encodedKey);
        } else {
            table.items().put(encodedKey, newItem);
        }
        for (SecondaryIndex index : definition.indexes()) {
            IndexEntries.update(definition, index, table.index(index.name()), encodedKey, oldItem, newItem);
        }
        Map<String, Value> keys = definition.keys().keyOf(newItem != null ? newItem : oldItem);
        streams.record(definition.name(), new ItemChange(keys, oldItem, newItem, byTimeToLive));
    }

    private static void charge(TableDefinition definition, byte[] encodedKey, Map<String, Value> oldItem,
                               Map<String, Value> newItem, ConsumedCapacity capacity) {
        capacity.addTable(ConsumedCapacity.writeUnits(Math.max(size(oldItem), size(newItem))));
        for (SecondaryIndex index : definition.indexes()) {
            byte[] oldEntry = IndexEntries.entryKey(index, encodedKey, oldItem);
            byte[] newEntry = IndexEntries.entryKey(index, encodedKey, newItem);
            Map<String, Value> oldProjected = oldEntry == null ? null : index.project(oldItem, definition.keys());
            Map<String, Value> newProjected = newEntry == null ? null : index.project(newItem, definition.keys());
            double units;
            if (oldEntry != null && newEntry != null && Arrays.equals(oldEntry, newEntry)) {
                units = oldProjected.equals(newProjected) ? 0
                        : ConsumedCapacity.writeUnits(Math.max(size(oldProjected), size(newProjected)));
            } else {
                units = (oldEntry == null ? 0 : ConsumedCapacity.writeUnits(size(oldProjected)))
                        + (newEntry == null ? 0 : ConsumedCapacity.writeUnits(size(newProjected)));
            }
            if (units > 0) {
                capacity.addIndex(index.name(), index.global(), units);
            }
        }
    }

    private static int size(Map<String, Value> item) {
        return item == null ? 0 : Value.itemSize(item);
    }
}
