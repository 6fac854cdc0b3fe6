package dev.mediapipeline.localaws.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.storage.Database;
import dev.mediapipeline.localaws.dynamodb.streams.StreamInfo;
import dev.mediapipeline.localaws.dynamodb.streams.TableStreams;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable: capacity and billing mode, deletion protection, table class, the stream, and global
 * secondary indexes added (filled from the table's items before the call returns, so a DescribeTable
 * after it shows the index ACTIVE), changed or removed.
 */
public final class TableUpdates {

    private static final String INVALID = "One or more parameter values were invalid: ";

    private final TableCatalog catalog;
    private final TableStreams streams;
    private final TableDescriptions descriptions;
    private final Database database;

    public TableUpdates(TableCatalog catalog, TableStreams streams, Database database) {
        this.catalog = catalog;
        this.streams = streams;
        this.descriptions = new TableDescriptions(streams);
        this.database = database;
    }

    /** Serialised with every other change of a definition, so none is lost (they all hold the catalog). */
    public JsonNode updateTable(JsonNode request) {
        synchronized (catalog) {
            return update(request);
        }
    }

    private JsonNode update(JsonNode request) {
        Table table = catalog.requireForControl(RequestFields.tableName(request, "TableName"));
        TableDefinition old = table.definition();
        TableDefinition updated = capacity(request, old);
        if (request.hasNonNull("DeletionProtectionEnabled")) {
            updated = updated.withDeletionProtection(request.get("DeletionProtectionEnabled").asBoolean());
        }
        updated = RequestFields.oneOf(request, "TableClass", "STANDARD", "STANDARD_INFREQUENT_ACCESS")
                .map(updated::withTableClass).orElse(updated);
        Set<String> created = new HashSet<>();
        updated = indexUpdates(request, updated, created);
        boolean streamChange = checkStreamChange(request, table.name());
        if (updated.equals(old) && !streamChange && !request.hasNonNull("SSESpecification")) {
            throw DynamoDbException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        apply(table, updated, created);
        if (streamChange) {
            StreamSpecifications.viewTypeToEnable(request).ifPresentOrElse(viewType -> {
                StreamInfo stream = streams.enable(table.name(), old.arn(), viewType, old.keys().streamKeySchema());
                catalog.redefine(table, table.definition().withLatestStream(stream));
            }, () -> streams.disable(table.name()));
        }
        return JsonNodeFactory.instance.objectNode().set("TableDescription",
                descriptions.describe(table, "UPDATING", created));
    }

    private static TableDefinition capacity(JsonNode request, TableDefinition d) {
        if (!request.hasNonNull("BillingMode") && !request.hasNonNull("ProvisionedThroughput")) {
            return d;
        }
        String billingMode = TableCapacity.billingMode(request, d.billingMode());
        boolean keepUnits = !request.hasNonNull("ProvisionedThroughput") && billingMode.equals(TableCapacity.PROVISIONED)
                && d.billingMode().equals(TableCapacity.PROVISIONED);
        long[] units = keepUnits ? new long[] {d.readCapacity(), d.writeCapacity()} : TableCapacity.forTable(request, billingMode);
        return d.withCapacity(billingMode, units[0], units[1]);
    }

    private TableDefinition indexUpdates(JsonNode request, TableDefinition d, Set<String> created) {
        Map<String, Value.Type> definitions = new LinkedHashMap<>(d.attributeDefinitions());
        if (request.hasNonNull("AttributeDefinitions")) {
            definitions.putAll(TableSchemas.attributeDefinitions(request));
        }
        TableDefinition result = d;
        boolean payPerRequest = d.billingMode().equals(TableCapacity.PAY_PER_REQUEST);
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            if (update.hasNonNull("Create")) {
                SecondaryIndex index = TableSchemas.index(update.get("Create"), true, d.keys(), definitions, payPerRequest);
                if (result.index(index.name()).isPresent()) {
                    throw DynamoDbException.validation(INVALID + "Attempting to create an index which already exists");
                }
                result = result.withIndexes(result.indexesWith(index), definitions);
                created.add(index.name());
            } else if (update.hasNonNull("Delete")) {
                String name = RequestFields.requiredText(update.get("Delete"), "IndexName");
                SecondaryIndex index = existing(result, name);
                result = result.withIndexes(result.indexes().stream().filter(i -> i != index).toList(),
                        result.attributeDefinitions());
            } else if (update.hasNonNull("Update")) {
                JsonNode change = update.get("Update");
                SecondaryIndex index = existing(result, RequestFields.requiredText(change, "IndexName"));
                long[] units = TableCapacity.required(change.get("ProvisionedThroughput"));
                result = result.withIndexes(result.indexesWith(index.withThroughput(units[0], units[1])),
                        result.attributeDefinitions());
            }
        }
        return result;
    }

    private static SecondaryIndex existing(TableDefinition d, String name) {
        return d.index(name).filter(SecondaryIndex::global).orElseThrow(() -> DynamoDbException.resourceNotFound(
                "Requested resource not found: Requested index " + name + " not found for table " + d.name()));
    }

    private boolean checkStreamChange(JsonNode request, String tableName) {
        return StreamSpecifications.enabled(request).map(enable -> {
            boolean hasStream = streams.current(tableName).isPresent();
            if (enable && hasStream) {
                throw DynamoDbException.validation("Table already has an enabled stream: TableName: " + tableName);
            }
            if (!enable && !hasStream) {
                throw DynamoDbException.validation("Table already has no enabled stream: TableName: " + tableName);
            }
            return true;
        }).orElse(false);
    }

    /** Redefines the table; new indexes are filled while no item write can run. */
    private void apply(Table table, TableDefinition updated, Set<String> created) {
        var exclusive = table.schemaLock().writeLock();
        exclusive.lock();
        try {
            catalog.redefine(table, updated);
            for (String name : created) {
                SecondaryIndex index = updated.index(name).orElseThrow();
                var entries = table.index(name);
                table.items().range(null, null, true, null).forEachRemaining(entry -> {
                    Map<String, Value> item = entry.item();
                    if (index.keys().names().stream().allMatch(a -> !item.containsKey(a)
                            || item.get(a).type() == updated.attributeDefinitions().get(a))) {
                        IndexEntries.update(updated, index, entries, entry.key(), null, item);
                    }
                });
            }
            database.commit();
        } finally {
            exclusive.unlock();
        }
    }
}
