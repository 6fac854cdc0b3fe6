package dev.mediapipeline.localaws.dynamodb.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.streams.TableStreams;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

/** A table as DescribeTable (and CreateTable, UpdateTable, DeleteTable) show it. */
public final class TableDescriptions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final TableStreams streams;

    public TableDescriptions(TableStreams streams) {
        this.streams = streams;
    }

    /**
     * @param tableStatus  ACTIVE, or what the answering operation reports (CREATING, UPDATING, DELETING)
     * @param newIndexes   indexes this request adds, shown CREATING
     */
    public ObjectNode describe(Table table, String tableStatus, Set<String> newIndexes) {
        TableDefinition d = table.definition();
        ObjectNode node = JSON.objectNode();
        ArrayNode definitions = node.putArray("AttributeDefinitions");
        d.attributeDefinitions().forEach((name, type) ->
                definitions.addObject().put("AttributeName", name).put("AttributeType", type.name()));
        node.put("TableName", d.name());
        node.set("KeySchema", keySchema(d.keys()));
        node.put("TableStatus", tableStatus);
        node.put("CreationDateTime", d.createdAtMillis() / 1000.0);
        node.set("ProvisionedThroughput", throughput(d.readCapacity(), d.writeCapacity()));
        node.put("TableSizeBytes", table.items().sizeBytes());
        node.put("ItemCount", table.items().count());
        node.put("TableArn", d.arn());
        node.put("TableId", UUID.nameUUIDFromBytes((d.arn() + "#" + d.id()).getBytes(StandardCharsets.UTF_8)).toString());
        if (d.billingMode().equals(TableCapacity.PAY_PER_REQUEST)) {
            node.putObject("BillingModeSummary").put("BillingMode", d.billingMode())
                    .put("LastUpdateToPayPerRequestDateTime", d.createdAtMillis() / 1000.0);
        }
        if (!d.localIndexes().isEmpty()) {
            ArrayNode locals = node.putArray("LocalSecondaryIndexes");
            d.localIndexes().forEach(i -> locals.add(index(table, i)));
        }
        if (!d.globalIndexes().isEmpty()) {
            ArrayNode globals = node.putArray("GlobalSecondaryIndexes");
            d.globalIndexes().forEach(i -> globals.add(index(table, i)
                    .put("IndexStatus", newIndexes.contains(i.name()) ? "CREATING" : "ACTIVE")
                    .set("ProvisionedThroughput", throughput(i.readCapacity(), i.writeCapacity()))));
        }
        streams.current(d.name()).ifPresent(stream -> {
            node.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", stream.viewType());
            node.put("LatestStreamLabel", stream.streamLabel());
            node.put("LatestStreamArn", stream.streamArn());
        });
        if (d.tableClass() != null) {
            node.putObject("TableClassSummary").put("TableClass", d.tableClass());
        }
        node.put("DeletionProtectionEnabled", d.deletionProtection());
        return node;
    }

    private static ObjectNode index(Table table, SecondaryIndex index) {
        ObjectNode node = JSON.objectNode().put("IndexName", index.name());
        node.set("KeySchema", keySchema(index.keys()));
        ObjectNode projection = node.putObject("Projection").put("ProjectionType", index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            ArrayNode nonKey = projection.putArray("NonKeyAttributes");
            index.nonKeyAttributes().forEach(nonKey::add);
        }
        var entries = table.index(index.name());
        node.put("IndexSizeBytes", entries.sizeBytes());
        node.put("ItemCount", entries.count());
        node.put("IndexArn", table.definition().arn() + "/index/" + index.name());
        return node;
    }

    private static ArrayNode keySchema(KeySchema keys) {
        ArrayNode list = JSON.arrayNode();
        list.addObject().put("AttributeName", keys.partitionKey()).put("KeyType", "HASH");
        if (keys.hasSortKey()) {
            list.addObject().put("AttributeName", keys.sortKey()).put("KeyType", "RANGE");
        }
        return list;
    }

    private static ObjectNode throughput(long read, long write) {
        return JSON.objectNode().put("NumberOfDecreasesToday", 0).put("ReadCapacityUnits", read)
                .put("WriteCapacityUnits", write);
    }
}
