package dev.mediapipeline.localaws.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.Violations;
import dev.mediapipeline.localaws.dynamodb.streams.StreamInfo;
import dev.mediapipeline.localaws.dynamodb.streams.TableStreams;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CreateTable, DeleteTable, DescribeTable and ListTables. */
public final class TableOperations {

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final int MAX_GLOBAL_INDEXES = 20;
    private static final int MAX_LOCAL_INDEXES = 5;

    private final TableCatalog catalog;
    private final TableStreams streams;
    private final TableDescriptions descriptions;
    private final String region;
    private final Clock clock;

    public TableOperations(TableCatalog catalog, TableStreams streams, String region, Clock clock) {
        this.catalog = catalog;
        this.streams = streams;
        this.descriptions = new TableDescriptions(streams);
        this.region = region;
        this.clock = clock;
    }

    /** The table's ARN in the stack's region; one account, 000000000000, as everywhere in the stack. */
    public String arn(String tableName) {
        return "arn:aws:dynamodb:" + region + ":000000000000:table/" + tableName;
    }

    public JsonNode createTable(JsonNode request) {
        String name = RequestFields.tableName(request, "TableName");
        Map<String, Value.Type> definitions = TableSchemas.attributeDefinitions(request);
        KeySchema keys = TableSchemas.keySchema(request.get("KeySchema"), definitions);
        String billingMode = TableCapacity.billingMode(request, TableCapacity.PROVISIONED);
        long[] capacity = TableCapacity.forTable(request, billingMode);
        List<SecondaryIndex> indexes = indexes(request, keys, definitions, billingMode);
        TableSchemas.checkAllDefinitionsUsed(definitions, keys, indexes);
        String streamViewType = StreamSpecifications.viewTypeToEnable(request).orElse(null);
        Map<String, String> tags = new LinkedHashMap<>();
        RequestFields.field(request, "Tags").ifPresent(list -> list.forEach(tag ->
                tags.put(RequestFields.requiredText(tag, "Key"), RequestFields.requiredText(tag, "Value"))));
        String tableClass = RequestFields.oneOf(request, "TableClass", "STANDARD", "STANDARD_INFREQUENT_ACCESS").orElse(null);
        if (catalog.find(name).isPresent()) {
            throw TableCatalog.alreadyExists(name);
        }
        StreamInfo stream = streamViewType == null ? null
                : streams.enable(name, arn(name), streamViewType, keys.streamKeySchema());
        TableDefinition definition = new TableDefinition(name, catalog.nextId(), arn(name), clock.millis(), keys, definitions,
                billingMode, capacity[0], capacity[1], indexes, null, false, tags, false,
                RequestFields.bool(request, "DeletionProtectionEnabled"), tableClass, stream);
        Table table = catalog.create(definition);
        Set<String> indexNames = new HashSet<>();
        indexes.forEach(i -> indexNames.add(i.name()));
        return JsonNodeFactory.instance.objectNode().set("TableDescription", descriptions.describe(table, "CREATING", indexNames));
    }

    public JsonNode deleteTable(JsonNode request) {
        Table table = catalog.requireForControl(RequestFields.tableName(request, "TableName"));
        if (table.definition().deletionProtection()) {
            throw DynamoDbException.validation("Resource cannot be deleted as it is currently protected against deletion. "
                    + "Disable deletion protection first.");
        }
        ObjectNode description = descriptions.describe(table, "DELETING", Set.of());
        if (streams.current(table.name()).isPresent()) {
            streams.disable(table.name());
        }
        catalog.delete(table);
        return JsonNodeFactory.instance.objectNode().set("TableDescription", description);
    }

    public JsonNode describeTable(JsonNode request) {
        Table table = catalog.requireForControl(RequestFields.tableName(request, "TableName"));
        return JsonNodeFactory.instance.objectNode().set("Table", descriptions.describe(table, "ACTIVE", Set.of()));
    }

    public JsonNode listTables(JsonNode request) {
        Violations violations = new Violations();
        long limit = RequestFields.integer(request, "Limit").orElse(100L);
        if (limit < 1 || limit > 100) {
            violations.add("'" + limit + "'", "Limit", limit < 1 ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 100");
        }
        String start = RequestFields.text(request, "ExclusiveStartTableName").orElse(null);
        if (start != null) {
            violations.name(start, "ExclusiveStartTableName");
        }
        violations.throwIfAny();
        List<String> after = catalog.names().stream().filter(n -> start == null || n.compareTo(start) > 0).toList();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        var names = response.putArray("TableNames");
        after.stream().limit(limit).forEach(names::add);
        if (after.size() > limit) {
            response.put("LastEvaluatedTableName", after.get((int) limit - 1));
        }
        return response;
    }

    private static List<SecondaryIndex> indexes(JsonNode request, KeySchema keys, Map<String, Value.Type> definitions,
                                                String billingMode) {
        List<SecondaryIndex> indexes = new ArrayList<>();
        boolean payPerRequest = billingMode.equals(TableCapacity.PAY_PER_REQUEST);
        RequestFields.field(request, "LocalSecondaryIndexes").ifPresent(list -> {
            if (list.isEmpty()) {
                throw DynamoDbException.validation(INVALID + "List of LocalSecondaryIndexes is empty");
            }
            list.forEach(node -> addUnique(indexes, TableSchemas.index(node, false, keys, definitions, payPerRequest)));
            if (list.size() > MAX_LOCAL_INDEXES) {
                throw DynamoDbException.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
            }
        });
        RequestFields.field(request, "GlobalSecondaryIndexes").ifPresent(list -> {
            if (list.isEmpty()) {
                throw DynamoDbException.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
            }
            list.forEach(node -> addUnique(indexes, TableSchemas.index(node, true, keys, definitions, payPerRequest)));
            if (list.size() > MAX_GLOBAL_INDEXES) {
                throw DynamoDbException.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
            }
        });
        return indexes;
    }

    static void addUnique(List<SecondaryIndex> indexes, SecondaryIndex index) {
        if (indexes.stream().anyMatch(i -> i.name().equals(index.name()))) {
            throw DynamoDbException.validation(INVALID + "Duplicate index name: " + index.name());
        }
        indexes.add(index);
    }
}
