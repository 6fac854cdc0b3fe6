package dev.mediapipeline.localaws.dynamodb.table;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a table is apart from its items, as kept in the catalog (as JSON, so this record is its
 * stored form). {@code id} is unique for the life of the database and names the table's maps, so a table
 * created again under a deleted one's name starts empty.
 */
public record TableDefinition(String name, long id, String arn, long createdAtMillis, KeySchema keys,
                              Map<String, Value.Type> attributeDefinitions, String billingMode,
                              long readCapacity, long writeCapacity, List<SecondaryIndex> indexes,
                              String ttlAttribute, boolean ttlEnabled, Map<String, String> tags,
                              boolean pointInTimeRecovery, boolean deletionProtection, String tableClass) {

    public TableDefinition {
        attributeDefinitions = new LinkedHashMap<>(attributeDefinitions);
        indexes = List.copyOf(indexes);
        tags = new LinkedHashMap<>(tags);
    }

    public Optional<SecondaryIndex> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public List<SecondaryIndex> globalIndexes() {
        return indexes.stream().filter(SecondaryIndex::global).toList();
    }

    public List<SecondaryIndex> localIndexes() {
        return indexes.stream().filter(i -> !i.global()).toList();
    }

    /** The name of the map holding the table's items. */
    public String itemsMapName() {
        return "table." + id + ".items";
    }

    public String indexMapName(String indexName) {
        return "table." + id + ".index." + indexName;
    }

    public TableDefinition withIndexes(List<SecondaryIndex> newIndexes, Map<String, Value.Type> newDefinitions) {
        return new TableDefinition(name, id, arn, createdAtMillis, keys, newDefinitions, billingMode, readCapacity,
                writeCapacity, newIndexes, ttlAttribute, ttlEnabled, tags, pointInTimeRecovery, deletionProtection,
                tableClass);
    }

    public TableDefinition withCapacity(String newBillingMode, long read, long write) {
        return new TableDefinition(name, id, arn, createdAtMillis, keys, attributeDefinitions, newBillingMode, read,
                write, indexes, ttlAttribute, ttlEnabled, tags, pointInTimeRecovery, deletionProtection, tableClass);
    }

    public TableDefinition withTimeToLive(String attribute, boolean enabled) {
        return new TableDefinition(name, id, arn, createdAtMillis, keys, attributeDefinitions, billingMode,
                readCapacity, writeCapacity, indexes, attribute, enabled, tags, pointInTimeRecovery,
                deletionProtection, tableClass);
    }

    public TableDefinition withTags(Map<String, String> newTags) {
        return new TableDefinition(name, id, arn, createdAtMillis, keys, attributeDefinitions, billingMode,
                readCapacity, writeCapacity, indexes, ttlAttribute, ttlEnabled, newTags, pointInTimeRecovery,
                deletionProtection, tableClass);
    }

    public TableDefinition withPointInTimeRecovery(boolean enabled) {
        return new TableDefinition(name, id, arn, createdAtMillis, keys, attributeDefinitions, billingMode,
                readCapacity, writeCapacity, indexes, ttlAttribute, ttlEnabled, tags, enabled, deletionProtection,
                tableClass);
    }

    public TableDefinition withDeletionProtection(boolean enabled) {
        return new TableDefinition(name, id, arn, createdAtMillis, keys, attributeDefinitions, billingMode,
                readCapacity, writeCapacity, indexes, ttlAttribute, ttlEnabled, tags, pointInTimeRecovery, enabled,
                tableClass);
    }

    public TableDefinition withTableClass(String newTableClass) {
        return new TableDefinition(name, id, arn, createdAtMillis, keys, attributeDefinitions, billingMode,
                readCapacity, writeCapacity, indexes, ttlAttribute, ttlEnabled, tags, pointInTimeRecovery,
                deletionProtection, newTableClass);
    }

    /** Index list with one index replaced or added (same name replaces). */
    public List<SecondaryIndex> indexesWith(SecondaryIndex index) {
        List<SecondaryIndex> result = new ArrayList<>(indexes);
        result.removeIf(i -> i.name().equals(index.name()));
        result.add(index);
        return result;
    }
}
