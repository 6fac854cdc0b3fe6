package dev.mediapipeline.app.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Everything observable about one set of pipeline resources, with the resource names replaced by their
 * roles ({bucket}, {ingestQueue}, ...) so that two sets made under different names compare equal
 * exactly when they are configured alike.
 */
final class ResourceSnapshot {

    /** Counters and clocks, which differ between any two queues and say nothing about configuration. */
    private static final Set<String> VOLATILE_QUEUE_ATTRIBUTES = Set.of(
            "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResourceSnapshot() {
    }

    /** Role → actual name, longest name first so that "media-ingest" never eats into "media-ingest-dlq". */
    static Map<String, String> roles(PipelineConfig config) {
        Map<String, String> roles = Map.of(
                "{bucket}", config.bucket(),
                "{ingestQueue}", config.ingestQueue(),
                "{ingestDlq}", config.ingestDlq(),
                "{indexDlq}", config.indexDlq(),
                "{mediaTable}", config.mediaTable(),
                "{tagIndexTable}", config.tagIndexTable(),
                "{tombstoneTable}", config.tombstoneTable());
        return roles.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> e.getValue().length()).reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    static Map<String, Object> describe(AwsClients clients, QueueSettingsTap tap) {
        PipelineConfig config = clients.config();
        Function<String, String> anonymize = text -> anonymize(text, roles(config));
        Map<String, Object> snapshot = new TreeMap<>();
        for (String queue : List.of(config.ingestQueue(), config.ingestDlq(), config.indexDlq())) {
            String role = anonymize.apply(queue);
            snapshot.put("queue " + role + " attributes", queueAttributes(clients, queue, anonymize));
            snapshot.put("queue " + role + " requested", normalizeJson(tap.requestedAttributes(queue), anonymize));
        }
        snapshot.put("bucket notification", notification(clients, config.bucket(), anonymize));
        for (String table : List.of(config.mediaTable(), config.tagIndexTable(), config.tombstoneTable())) {
            snapshot.put("table " + anonymize.apply(table), table(clients, table));
        }
        return snapshot;
    }

    private static Map<String, Object> queueAttributes(AwsClients clients, String queue, Function<String, String> anonymize) {
        String url = clients.sqs().getQueueUrl(r -> r.queueName(queue)).queueUrl();
        Map<String, String> attributes = clients.sqs()
                .getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings().entrySet().stream()
                .filter(e -> !VOLATILE_QUEUE_ATTRIBUTES.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return normalizeJson(attributes, anonymize);
    }

    private static Map<String, Object> notification(AwsClients clients, String bucket, Function<String, String> anonymize) {
        GetBucketNotificationConfigurationResponse response =
                clients.s3().getBucketNotificationConfiguration(r -> r.bucket(bucket));
        Map<String, Object> described = new TreeMap<>();
        described.put("queues", response.queueConfigurations().stream().map(q -> Map.of(
                "id", q.id(),
                "queueArn", anonymize.apply(q.queueArn()),
                "events", new TreeSet<>(q.eventsAsStrings()),
                "filter", q.filter() == null ? List.of() : q.filter().key().filterRules().stream()
                        .map(rule -> rule.nameAsString() + "=" + rule.value()).sorted().toList()))
                .toList());
        described.put("topics", response.topicConfigurations().size());
        described.put("lambdas", response.lambdaFunctionConfigurations().size());
        return described;
    }

    private static Map<String, Object> table(AwsClients clients, String table) {
        TableDescription description = clients.dynamoDb().describeTable(r -> r.tableName(table)).table();
        TimeToLiveDescription ttl = clients.dynamoDb().describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
        Map<String, Object> described = new TreeMap<>();
        described.put("keySchema", description.keySchema().stream()
                .map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList());
        described.put("attributeDefinitions", description.attributeDefinitions().stream()
                .map(a -> a.attributeName() + " " + a.attributeTypeAsString()).sorted().toList());
        described.put("billingMode", description.billingModeSummary() == null ? "PROVISIONED"
                : description.billingModeSummary().billingModeAsString());
        described.put("stream", description.streamSpecification() == null ? "none"
                : description.streamSpecification().streamEnabled() + " " + description.streamSpecification().streamViewTypeAsString());
        described.put("globalSecondaryIndexes", description.globalSecondaryIndexes().stream()
                .map(i -> i.indexName() + " " + i.keySchema().stream().map(k -> k.attributeName() + " " + k.keyTypeAsString())
                        .toList() + " " + i.projection().projectionTypeAsString() + " "
                        + i.projection().nonKeyAttributes().stream().sorted().toList())
                .sorted().toList());
        described.put("localSecondaryIndexes", description.localSecondaryIndexes().size());
        described.put("timeToLive", ttl.timeToLiveStatusAsString() + " " + ttl.attributeName());
        return described;
    }

    /**
     * Attribute values that hold JSON (RedrivePolicy, Policy) become trees, so key order and number
     * versus string spelling ("5" or 5) do not count as differences; plain values stay strings.
     */
    private static Map<String, Object> normalizeJson(Map<String, String> attributes, Function<String, String> anonymize) {
        Map<String, Object> normalized = new TreeMap<>();
        attributes.forEach((name, value) -> {
            String anonymous = anonymize.apply(value);
            normalized.put(name, anonymous.startsWith("{") ? scalarsAsText(parse(anonymous)) : anonymous);
        });
        return normalized;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private static Object scalarsAsText(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), scalarsAsText(e.getValue())));
            return fields;
        }
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).map(ResourceSnapshot::scalarsAsText).toList();
        }
        return node.asText();
    }

    static String anonymize(String text, Map<String, String> roles) {
        String result = text;
        for (Map.Entry<String, String> role : roles.entrySet()) {
            result = result.replace(role.getValue(), role.getKey());
        }
        return result;
    }
}
