package dev.mediapipeline.localaws.dynamodb.capacity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The capacity one request consumed on one table, counted as DynamoDB bills it: a write unit per 1 KB
 * written (of the larger of the old and new item), a read unit per 4 KB read (half for an eventually
 * consistent read), per table and per index.
 */
public final class ConsumedCapacity {

    private static final double KB = 1024;

    private final String tableName;
    private double table;
    private final Map<String, Double> globalIndexes = new TreeMap<>();
    private final Map<String, Double> localIndexes = new TreeMap<>();

    public ConsumedCapacity(String tableName) {
        this.tableName = tableName;
    }

    /** Write units for an item of {@code bytes}: 1 per KB started, at least 1. */
    public static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / KB));
    }

    /** Read units for {@code bytes} read in one operation: 1 per 4 KB started (at least 1), half when eventually consistent. */
    public static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / (4 * KB)));
        return consistent ? units : units / 2;
    }

    public String tableName() {
        return tableName;
    }

    public void addTable(double units) {
        table += units;
    }

    public void addIndex(String indexName, boolean global, double units) {
        (global ? globalIndexes : localIndexes).merge(indexName, units, Double::sum);
    }

    /** Multiplies everything, e.g. by 2 for a transaction. */
    public void scale(double factor) {
        table *= factor;
        globalIndexes.replaceAll((k, v) -> v * factor);
        localIndexes.replaceAll((k, v) -> v * factor);
    }

    public double total() {
        return table + globalIndexes.values().stream().mapToDouble(Double::doubleValue).sum()
                + localIndexes.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The ConsumedCapacity element for ReturnConsumedCapacity {@code mode}, or null for NONE. */
    public ObjectNode render(String mode) {
        if (!"TOTAL".equals(mode) && !"INDEXES".equals(mode)) {
            return null;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("TableName", tableName).put("CapacityUnits", total());
        if (mode.equals("INDEXES")) {
            node.putObject("Table").put("CapacityUnits", table);
            putIndexes(node, "GlobalSecondaryIndexes", globalIndexes);
            putIndexes(node, "LocalSecondaryIndexes", localIndexes);
        }
        return node;
    }

    /** The ConsumedCapacity list of a multi-table operation, or null for NONE. */
    public static ArrayNode renderAll(Collection<ConsumedCapacity> capacities, String mode) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        capacities.forEach(c -> {
            ObjectNode rendered = c.render(mode);
            if (rendered != null) {
                list.add(rendered);
            }
        });
        return list.isEmpty() ? null : list;
    }

    private static void putIndexes(ObjectNode node, String field, Map<String, Double> indexes) {
        if (!indexes.isEmpty()) {
            ObjectNode byName = node.putObject(field);
            indexes.forEach((name, units) -> byName.putObject(name).put("CapacityUnits", units));
        }
    }
}
