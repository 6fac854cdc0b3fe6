package dev.mediapipeline.localaws.dynamodb.table;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.storage.SortedItems;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A live table: its current definition, its items and one map per secondary index. Item writes hold
 * {@link #schemaLock()}'s read lock, so an index being added sees no write while it fills.
 */
public final class Table {

    private volatile TableDefinition definition;
    private final SortedItems items;
    private final Map<String, SortedItems> indexes = new ConcurrentHashMap<>();
    private final ReadWriteLock schemaLock = new ReentrantReadWriteLock();
    /** Set by DeleteTable: a write that looked the table up before it went finds it gone. */
    private volatile boolean deleted;

    Table(TableDefinition definition, SortedItems items) {
        this.definition = definition;
        this.items = items;
    }

    public TableDefinition definition() {
        return definition;
    }

    void define(TableDefinition newDefinition) {
        definition = newDefinition;
    }

    public String name() {
        return definition.name();
    }

    public SortedItems items() {
        return items;
    }

    /** The entries of one index, which the current definition must have. */
    public SortedItems index(String indexName) {
        SortedItems index = indexes.get(indexName);
        if (index == null) {
            throw DynamoDbException.validation("The table does not have the specified index: " + indexName);
        }
        return index;
    }

    void attachIndex(String indexName, SortedItems entries) {
        indexes.put(indexName, entries);
    }

    void detachIndex(String indexName) {
        indexes.remove(indexName);
    }

    public ReadWriteLock schemaLock() {
        return schemaLock;
    }

    /** Whether DeleteTable removed this table; checked under the schema lock's read lock. */
    public boolean deleted() {
        return deleted;
    }

    void markDeleted() {
        deleted = true;
    }
}
