package dev.mediapipeline.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.app.MediaPipeline;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.events.change.ChangeEvents;
import dev.mediapipeline.events.follow.Checkpoint;
import dev.mediapipeline.events.follow.StartingPoint;
import dev.mediapipeline.events.follow.StreamFollower;
import dev.mediapipeline.events.item.ItemJson;
import dev.mediapipeline.events.schema.Schemas;
import dev.mediapipeline.events.testing.SchemaValidator;
import dev.mediapipeline.extract.testing.SampleCorpus;
import dev.mediapipeline.indexer.IndexerWorker;
import dev.mediapipeline.ingest.queue.IngestOptions;
import dev.mediapipeline.ingest.queue.IngestWorker;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Everything the pipeline makes of the sample corpus (plus an empty and a corrupt file, which fail) against
 * the published JSON Schemas: every UserMedia item, every MediaTagIndex item, every change event.
 */
class PublishedContractTest {

    private static final Duration ITEM_WAIT = Duration.ofSeconds(180);
    private static final String USER = "contract-" + Long.toString(System.currentTimeMillis(), 36);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AwsClients clients;
    private static IngestWorker ingest;
    private static IndexerWorker indexer;
    private static int uploads;

    @BeforeAll
    static void runTheCorpusThroughThePipeline() {
        clients = new AwsClients(PipelineConfig.defaults().withEndpoint(SharedLocalAws.endpoint()));
        new Provisioner(clients).provision();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        indexer = new IndexerWorker(clients, registry);
        indexer.start();
        ingest = new IngestWorker(clients, registry, IngestOptions.defaults());
        ingest.start();
        for (Path file : SampleCorpus.list()) {
            put(file.getFileName().toString(), RequestBody.fromFile(file));
        }
        put("empty.jpg", RequestBody.empty());
        put("corrupt.png", RequestBody.fromBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}));
        await().atMost(ITEM_WAIT).until(() -> items().size() == uploads);
    }

    @AfterAll
    static void stopPipeline() {
        ingest.close();
        indexer.close();
        clients.close();
    }

    @Test
    void everyUserMediaItemValidatesAgainstItsSchemaVersion() {
        SchemaValidator schema = SchemaValidator.of(Schemas.USER_MEDIA, 1);

        List<Map<String, AttributeValue>> items = items();

        assertThat(items).extracting(i -> i.get("Status").s()).contains("READY", "FAILED");
        assertThat(items).allSatisfy(item -> assertThat(schema.violations(ItemJson.of(item).toString()))
                .as(item.get("MediaId").s()).isEmpty());
    }

    /** Entries under {@code <user>#<tag>} and the tag counts under {@code <user>}. */
    @Test
    void everyMediaTagIndexItemValidatesAgainstItsSchema() {
        SchemaValidator schema = SchemaValidator.of(Schemas.MEDIA_TAG_INDEX, 1);
        await().atMost(ITEM_WAIT).until(() -> tagged(USER + "#corpus").size() == uploads);
        List<Map<String, AttributeValue>> items = new ArrayList<>(tagged(USER + "#corpus"));
        items.addAll(tagged(USER));

        assertThat(items).anySatisfy(item -> assertThat(item).containsKey("MediaCount"));
        assertThat(items).allSatisfy(item -> assertThat(schema.violations(ItemJson.of(item).toString()))
                .as(item.toString()).isEmpty());
    }

    @Test
    void everyChangeEventOfTheCorpusValidatesAgainstTheChangeEventSchema() throws Exception {
        SchemaValidator schema = SchemaValidator.of(Schemas.CHANGE_EVENT, 1);
        String streamArn = StreamFollower.streamOf(clients.dynamoDb(), clients.config().mediaTable());
        ChangeEvents mapper = new ChangeEvents(streamArn);
        List<JsonNode> events = new ArrayList<>();
        new StreamFollower(clients.dynamoDbStreams(), streamArn, StartingPoint.TRIM_HORIZON, Checkpoint.inMemory(),
                Duration.ofMillis(100)).run(record -> events.add(mine(mapper, record)), false);
        events.removeIf(JsonNode::isNull);

        assertThat(events).extracting(e -> e.get("type").asText()).contains("media.created", "media.failed");
        assertThat(events).hasSizeGreaterThanOrEqualTo(uploads);
        assertThat(events).allSatisfy(e -> assertThat(schema.violations(e.toString())).as(e.get("subject").asText())
                .isEmpty());
    }

    /** {@code query --from --to}: the user's media in the range, newest capture (or upload) first. */
    @Test
    void queryFromToListsTheRangeNewestFirst() {
        List<Map<String, AttributeValue>> inRange = items().stream()
                .filter(i -> i.get("TimelineAt").s().compareTo("2010-01-01T00:00:00.000Z") >= 0
                        && i.get("TimelineAt").s().compareTo("2020-12-31T23:59:59.999Z") <= 0)
                .sorted(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("TimelineAt").s()).reversed())
                .toList();
        assertThat(inRange).as("the corpus has media taken in the 2010s").hasSizeGreaterThan(3);

        StringWriter out = new StringWriter();
        int code = MediaPipeline.commandLine().setOut(new PrintWriter(out, true)).execute("query", "--user",
                USER, "--from", "2010-01-01", "--to", "2020-12-31", "--endpoint", SharedLocalAws.endpoint().toString());

        assertThat(code).isZero();
        List<String> rows = out.toString().lines().skip(1).takeWhile(l -> !l.contains(" item(s) of user ")).toList();
        assertThat(rows).hasSameSizeAs(inRange);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)).startsWith(inRange.get(i).get("MediaId").s() + " ");
        }
    }

    private static JsonNode mine(ChangeEvents mapper, Record record) {
        try {
            JsonNode event = JSON.readTree(ChangeEvents.json(mapper.map(record)));
            return USER.equals(event.get("userid").asText()) ? event : JSON.nullNode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(String name, RequestBody body) {
        clients.s3().putObject(r -> r.bucket(clients.config().bucket()).key("users/" + USER + "/" + name)
                .metadata(Map.of("tags", "corpus")), body);
        uploads++;
    }

    private static List<Map<String, AttributeValue>> items() {
        return clients.dynamoDb().queryPaginator(r -> r.tableName(clients.config().mediaTable()).consistentRead(true)
                .keyConditionExpression("UserId = :u").expressionAttributeValues(Map.of(":u", AttributeValue.fromS(USER))))
                .items().stream().toList();
    }

    private static List<Map<String, AttributeValue>> tagged(String userTag) {
        return clients.dynamoDb().queryPaginator(r -> r.tableName(clients.config().tagIndexTable())
                .keyConditionExpression("UserTag = :k").expressionAttributeValues(Map.of(":k", AttributeValue.fromS(userTag))))
                .items().stream().toList();
    }
}
