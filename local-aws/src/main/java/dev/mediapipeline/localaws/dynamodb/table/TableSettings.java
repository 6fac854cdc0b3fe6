package dev.mediapipeline.localaws.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A table's settings beside its schema: tags, time to live and point-in-time recovery, plus the
 * account-level DescribeLimits and DescribeEndpoints.
 */
public final class TableSettings {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final TableCatalog catalog;
    private final String region;
    private final Clock clock;

    public TableSettings(TableCatalog catalog, String region, Clock clock) {
        this.catalog = catalog;
        this.region = region;
        this.clock = clock;
    }

    public JsonNode tagResource(JsonNode request) {
        Table table = byArn(request);
        Map<String, String> tags = new LinkedHashMap<>(table.definition().tags());
        RequestFields.field(request, "Tags").orElseThrow(() -> RequestFields.constraint("null", "Tags", "Member must not be null"))
                .forEach(tag -> tags.put(RequestFields.requiredText(tag, "Key"), RequestFields.requiredText(tag, "Value")));
        redefine(table, d -> d.withTags(tags));
        return JSON.objectNode();
    }

    public JsonNode untagResource(JsonNode request) {
        Table table = byArn(request);
        Map<String, String> tags = new LinkedHashMap<>(table.definition().tags());
        RequestFields.field(request, "TagKeys").orElseThrow(() -> RequestFields.constraint("null", "TagKeys", "Member must not be null"))
                .forEach(key -> tags.remove(key.asText()));
        redefine(table, d -> d.withTags(tags));
        return JSON.objectNode();
    }

    public JsonNode listTagsOfResource(JsonNode request) {
        ObjectNode response = JSON.objectNode();
        var tags = response.putArray("Tags");
        byArn(request).definition().tags().forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        return response;
    }

    public JsonNode describeTimeToLive(JsonNode request) {
        TableDefinition d = catalog.requireForControl(RequestFields.tableName(request, "TableName")).definition();
        ObjectNode description = JSON.objectNode().put("TimeToLiveStatus", d.ttlEnabled() ? "ENABLED" : "DISABLED");
        if (d.ttlEnabled()) {
            description.put("AttributeName", d.ttlAttribute());
        }
        return JSON.objectNode().set("TimeToLiveDescription", description);
    }

    public JsonNode updateTimeToLive(JsonNode request) {
        Table table = catalog.requireForControl(RequestFields.tableName(request, "TableName"));
        JsonNode spec = RequestFields.field(request, "TimeToLiveSpecification").orElseThrow(() ->
                RequestFields.constraint("null", "TimeToLiveSpecification", "Member must not be null"));
        String attribute = RequestFields.requiredText(spec, "AttributeName");
        boolean enable = spec.path("Enabled").asBoolean();
        TableDefinition d = table.definition();
        if (enable && d.ttlEnabled()) {
            throw DynamoDbException.validation("TimeToLive is already enabled");
        }
        if (!enable && !d.ttlEnabled()) {
            throw DynamoDbException.validation("TimeToLive is already disabled");
        }
        redefine(table, old -> old.withTimeToLive(attribute, enable));
        return JSON.objectNode().set("TimeToLiveSpecification", JSON.objectNode().put("AttributeName", attribute).put("Enabled", enable));
    }

    public JsonNode describeContinuousBackups(JsonNode request) {
        return continuousBackups(backupTable(request).definition());
    }

    public JsonNode updateContinuousBackups(JsonNode request) {
        Table table = backupTable(request);
        JsonNode spec = RequestFields.field(request, "PointInTimeRecoverySpecification").orElseThrow(() ->
                RequestFields.constraint("null", "PointInTimeRecoverySpecification", "Member must not be null"));
        boolean enable = spec.path("PointInTimeRecoveryEnabled").asBoolean();
        redefine(table, d -> d.withPointInTimeRecovery(enable));
        return continuousBackups(table.definition());
    }

    public JsonNode describeLimits(JsonNode request) {
        return JSON.objectNode().put("AccountMaxReadCapacityUnits", 80000).put("AccountMaxWriteCapacityUnits", 80000)
                .put("TableMaxReadCapacityUnits", 40000).put("TableMaxWriteCapacityUnits", 40000);
    }

    public JsonNode describeEndpoints(JsonNode request) {
        ObjectNode response = JSON.objectNode();
        response.putArray("Endpoints").addObject().put("Address", "dynamodb." + region + ".amazonaws.com")
                .put("CachePeriodInMinutes", 1440);
        return response;
    }

    private JsonNode continuousBackups(TableDefinition d) {
        ObjectNode recovery = JSON.objectNode().put("PointInTimeRecoveryStatus", d.pointInTimeRecovery() ? "ENABLED" : "DISABLED");
        if (d.pointInTimeRecovery()) {
            double now = clock.millis() / 1000.0;
            recovery.put("EarliestRestorableDateTime", Math.max(d.createdAtMillis() / 1000.0, now - 35 * 24 * 3600))
                    .put("LatestRestorableDateTime", now - 300).put("RecoveryPeriodInDays", 35);
        }
        ObjectNode description = JSON.objectNode().put("ContinuousBackupsStatus", "ENABLED");
        description.set("PointInTimeRecoveryDescription", recovery);
        return JSON.objectNode().set("ContinuousBackupsDescription", description);
    }

    /** The backup APIs name a missing table with their own exception. */
    private Table backupTable(JsonNode request) {
        String name = RequestFields.tableName(request, "TableName");
        return catalog.find(name).orElseThrow(() ->
                new DynamoDbException("TableNotFoundException", 400, "Table not found: " + name));
    }

    private Table byArn(JsonNode request) {
        String arn = RequestFields.requiredText(request, "ResourceArn");
        int slash = arn.indexOf(":table/");
        if (!arn.startsWith("arn:aws:dynamodb:") || slash < 0) {
            throw DynamoDbException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        return catalog.find(arn.substring(slash + ":table/".length())).filter(t -> t.definition().arn().equals(arn))
                .orElseThrow(() -> DynamoDbException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found"));
    }

    private void redefine(Table table, UnaryOperator<TableDefinition> change) {
        synchronized (catalog) {
            catalog.redefine(table, change.apply(table.definition()));
        }
    }
}
