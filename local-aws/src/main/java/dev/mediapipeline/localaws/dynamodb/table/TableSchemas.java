package dev.mediapipeline.localaws.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates the schema parts of CreateTable and UpdateTable requests (AttributeDefinitions,
 * KeySchema, index definitions), with DynamoDB's messages.
 */
final class TableSchemas {

    private static final String INVALID = "One or more parameter values were invalid: ";

    private TableSchemas() {
    }

    static Map<String, Value.Type> attributeDefinitions(JsonNode request) {
        JsonNode list = RequestFields.field(request, "AttributeDefinitions")
                .orElseThrow(() -> RequestFields.constraint("null", "AttributeDefinitions", "Member must not be null"));
        Map<String, Value.Type> definitions = new LinkedHashMap<>();
        for (JsonNode definition : list) {
            String name = RequestFields.requiredText(definition, "AttributeName");
            String type = RequestFields.oneOf(definition, "AttributeType", "B", "N", "S")
                    .orElseThrow(() -> RequestFields.constraint("null", "AttributeType", "Member must not be null"));
            definitions.put(name, Value.Type.valueOf(type));
        }
        return definitions;
    }

    /** A KeySchema list checked against the attribute definitions. */
    static KeySchema keySchema(JsonNode list, Map<String, Value.Type> definitions) {
        if (list == null || list.isNull()) {
            throw RequestFields.constraint("null", "KeySchema", "Member must not be null");
        }
        if (list.isEmpty() || list.size() > 2) {
            throw RequestFields.constraint("'" + list + "'", "KeySchema", list.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 2");
        }
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode element : list) {
            names.add(RequestFields.requiredText(element, "AttributeName"));
            types.add(RequestFields.oneOf(element, "KeyType", "HASH", "RANGE")
                    .orElseThrow(() -> RequestFields.constraint("null", "KeyType", "Member must not be null")));
        }
        if (!definitions.keySet().containsAll(names)) {
            throw DynamoDbException.validation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: "
                    + bracketed(names) + ", AttributeDefinitions: " + bracketed(definitions.keySet()));
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw DynamoDbException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!types.get(0).equals("HASH")) {
            throw DynamoDbException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (types.size() == 2 && !types.get(1).equals("RANGE")) {
            throw DynamoDbException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        String sortKey = names.size() == 2 ? names.get(1) : null;
        return new KeySchema(names.get(0), definitions.get(names.get(0)), sortKey,
                sortKey == null ? null : definitions.get(sortKey));
    }

    /** One GlobalSecondaryIndexes or LocalSecondaryIndexes element. */
    static SecondaryIndex index(JsonNode node, boolean global, KeySchema tableKeys, Map<String, Value.Type> definitions,
                                boolean payPerRequest) {
        String name = RequestFields.requiredText(node, "IndexName");
        RequestFields.checkName(name, "IndexName");
        KeySchema keys = keySchema(node.get("KeySchema"), definitions);
        JsonNode projection = RequestFields.field(node, "Projection")
                .orElseThrow(() -> RequestFields.constraint("null", "Projection", "Member must not be null"));
        String projectionType = RequestFields.oneOf(projection, "ProjectionType", "ALL", "INCLUDE", "KEYS_ONLY")
                .orElseThrow(() -> DynamoDbException.validation(INVALID + "Unknown ProjectionType: null"));
        List<String> nonKey = new ArrayList<>();
        RequestFields.field(projection, "NonKeyAttributes").ifPresent(list -> list.forEach(a -> nonKey.add(a.asText())));
        if (!nonKey.isEmpty() && !projectionType.equals("INCLUDE")) {
            throw DynamoDbException.validation(INVALID + "ProjectionType is " + projectionType + ", but NonKeyAttributes is specified");
        }
        if (!global) {
            checkLocal(name, keys, tableKeys);
        }
        JsonNode throughput = node.get("ProvisionedThroughput");
        if (global && payPerRequest && throughput != null && !throughput.isNull()) {
            throw DynamoDbException.validation(INVALID + "ProvisionedThroughput should not be specified for index: " + name
                    + " when BillingMode is PAY_PER_REQUEST");
        }
        long[] capacity = global && !payPerRequest ? TableCapacity.required(throughput) : new long[] {0, 0};
        return new SecondaryIndex(name, global, keys, projectionType, nonKey, capacity[0], capacity[1]);
    }

    private static void checkLocal(String name, KeySchema keys, KeySchema tableKeys) {
        if (!tableKeys.hasSortKey()) {
            throw DynamoDbException.validation(INVALID + "Table KeySchema does not have a range key, "
                    + "which is required when specifying a LocalSecondaryIndex");
        }
        if (!keys.hasSortKey()) {
            throw DynamoDbException.validation(INVALID + "Index KeySchema does not have a range key for index: " + name);
        }
        if (!keys.partitionKey().equals(tableKeys.partitionKey())) {
            throw DynamoDbException.validation(INVALID + "Index KeySchema does not have the same leading hash key as table "
                    + "KeySchema for index: " + name + ". index hash key: " + keys.partitionKey()
                    + ", table hash key: " + tableKeys.partitionKey());
        }
    }

    /** Every defined attribute must be a key of the table or of an index. */
    static void checkAllDefinitionsUsed(Map<String, Value.Type> definitions, KeySchema keys, List<SecondaryIndex> indexes) {
        List<String> used = new ArrayList<>(keys.names());
        indexes.forEach(i -> used.addAll(i.keys().names()));
        if (!used.containsAll(definitions.keySet())) {
            throw DynamoDbException.validation(INVALID + (indexes.isEmpty()
                    ? "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"
                    : "Some AttributeDefinitions are not used. AttributeDefinitions: " + bracketed(definitions.keySet())
                            + ", keys used: " + bracketed(new LinkedHashSet<>(used))));
        }
    }

    static String bracketed(Iterable<String> names) {
        return "[" + String.join(", ", names) + "]";
    }
}
