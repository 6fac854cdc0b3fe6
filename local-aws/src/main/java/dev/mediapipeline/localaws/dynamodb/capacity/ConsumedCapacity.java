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
    /**
     * ReadCapacityUnits or WriteCapacityUnits: which kind the units are, which a transaction's answer names
     * beside CapacityUnits (single-item, batch, query and scan answers give CapacityUnits alone).
     */
    private final String unitsField;
    private boolean transactional;
    private double table;
    private final Map<String, Double> globalIndexes = new TreeMap<>();
    private final Map<String, Double> localIndexes = new TreeMap<>();

    private ConsumedCapacity(String tableName, String unitsField) {
        this.tableName = tableName;
        this.unitsField = unitsField;
    }

    public static ConsumedCapacity reads(String tableName) {
        return new ConsumedCapacity(tableName, "ReadCapacityUnits");
    }

    public static ConsumedCapacity writes(String tableName) {
        return new ConsumedCapacity(tableName, "WriteCapacityUnits");
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

    /** Bills what was counted as a transaction does: twice over, with the read or write units named. */
    public void transactional() {
        table *= 2;
        globalIndexes.replaceAll((k, v) -> v * 2);
        localIndexes.replaceAll((k, v) -> v * 2);
        transactional = true;
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
        ObjectNode node = units(JsonNodeFactory.instance.objectNode().put("TableName", tableName), total());
        if (mode.equals("INDEXES")) {
            units(node.putObject("Table"), table);
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

    private void putIndexes(ObjectNode node, String field, Map<String, Double> indexes) {
        if (!indexes.isEmpty()) {
            ObjectNode byName = node.putObject(field);
            indexes.forEach((name, units) -> units(byName.putObject(name), units));
        }
    }

    private ObjectNode units(ObjectNode node, double units) {
        node.put("CapacityUnits", units);
        if (transactional) {
            node.put(unitsField, units);
        }
        return node;
    }
}
