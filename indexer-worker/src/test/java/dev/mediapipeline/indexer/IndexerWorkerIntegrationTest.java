package dev.mediapipeline.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.item.Sequencers;
import dev.mediapipeline.indexer.metrics.IndexMetrics;
import dev.mediapipeline.indexer.projection.IndexAttributes;
import dev.mediapipeline.indexer.write.RetryPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The worker against the embedded stack: UserMedia items are written directly (as the ingest worker
 * would), and the index is read the way the query command reads it, with one Query per (user, tag).
 */
class IndexerWorkerIntegrationTest {

    /**
     * Generous on purpose: speed is a benchmark's business, and a loaded 2-core CI machine triples the
     * 8-10 s measured on a quiet one. Untuned KCL cannot take its first lease within this bound at all
     * (it waits up to 30 s on an empty lease table and 60 s after its first shard sync).
     */
    private static final Duration COLD_START_LIMIT = Duration.ofSeconds(45);
    private static final Duration INDEX_WAIT = Duration.ofSeconds(15);
    /** Poll idle is 250 ms; the rest is GetRecords, the conditional write and a loaded CI machine. */
    private static final Duration LOW_LAG = Duration.ofSeconds(3);

    private static AwsClients clients;
    private static DynamoDbClient dynamoDb;
    private static SimpleMeterRegistry registry;
    private static IndexerWorker worker;
    private static Duration coldStart;
    private static MediaItems media;

    @BeforeAll
    static void startWorker() {
        clients = TestStack.provisioned("indexer-it");
        dynamoDb = clients.dynamoDb();
        media = new MediaItems(clients);
        registry = new SimpleMeterRegistry();
        IndexerOptions options = IndexerOptions.defaults()
                .withRetry(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100)));
        worker = new IndexerWorker(clients, registry, options);
        // Cold start: from start(), on an empty lease table, to the first change being queryable in the index.
        long started = System.nanoTime();
        worker.start();
        putMedia("carol", "first.jpg", "warmup");
        await().atMost(COLD_START_LIMIT.plusSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> mediaWithTag("carol", "warmup").contains("first.jpg"));
        coldStart = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("indexer cold start: %d ms%n", coldStart.toMillis());
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void firstChangeIsIndexedWithinTheColdStartLimit() {
        assertThat(worker.isRunning()).isTrue();
        assertThat(coldStart).isLessThanOrEqualTo(COLD_START_LIMIT);
    }

    @Test
    void aTaggedUploadIsFoundByOneQueryOnItsTag() {
        putMedia("alice", "beach/1.jpg", "beach", "sunset");

        await().atMost(INDEX_WAIT).until(() -> mediaWithTag("alice", "sunset").contains("beach/1.jpg"));
        Map<String, AttributeValue> entry = indexItem("alice", "beach", "beach/1.jpg");
        assertThat(entry).containsEntry("UserId", AttributeValue.fromS("alice"))
                .containsEntry("Tag", AttributeValue.fromS("beach"))
                .containsEntry("S3Key", AttributeValue.fromS("users/alice/beach/1.jpg"))
                .containsEntry("Width", AttributeValue.fromN("640"))
                .containsKey("SequencerOrder");
    }

    @Test
    void addingAndRemovingATagUpdatesTheIndex() {
        putMedia("alice", "edit.jpg", "draft");
        await().atMost(INDEX_WAIT).until(() -> mediaWithTag("alice", "draft").contains("edit.jpg"));

        putMedia("alice", "edit.jpg", "final", "portfolio");

        await().atMost(INDEX_WAIT).until(() -> mediaWithTag("alice", "portfolio").contains("edit.jpg"));
        await().atMost(INDEX_WAIT).until(() -> mediaWithTag("alice", "final").contains("edit.jpg"));
        await().atMost(INDEX_WAIT).until(() -> !mediaWithTag("alice", "draft").contains("edit.jpg"));
    }

    @Test
    void deletingTheItemRemovesAllItsIndexEntries() {
        putMedia("alice", "gone.jpg", "trash", "old");
        await().atMost(INDEX_WAIT).until(() -> mediaWithTag("alice", "old").contains("gone.jpg"));

        dynamoDb.deleteItem(r -> r.tableName(clients.config().mediaTable()).key(Map.of(
                "UserId", AttributeValue.fromS("alice"), "MediaId", AttributeValue.fromS("gone.jpg"))));

        await().atMost(INDEX_WAIT).until(() -> !mediaWithTag("alice", "old").contains("gone.jpg")
                && !mediaWithTag("alice", "trash").contains("gone.jpg"));
    }

    @Test
    void anotherUsersMediaNeverAppearsUnderTheSameTag() {
        putMedia("bob", "bob-cat.jpg", "cats");
        putMedia("dave", "dave-cat.jpg", "cats");

        await().atMost(INDEX_WAIT).until(() -> mediaWithTag("dave", "cats").contains("dave-cat.jpg"));
        await().atMost(INDEX_WAIT).until(() -> mediaWithTag("bob", "cats").contains("bob-cat.jpg"));
        assertThat(mediaWithTag("bob", "cats")).containsExactly("bob-cat.jpg");
        assertThat(mediaWithTag("dave", "cats")).containsExactly("dave-cat.jpg");
    }

    @Test
    void aRecordThatCannotBeIndexedIsParkedAndTheShardMovesOn() {
        // DynamoDB refuses a hash key over 2048 bytes: such a tag can only come from a foreign writer.
        String oversized = "x".repeat(2100);
        putMedia("erin", "poison.jpg", oversized);
        putMedia("erin", "after.jpg", "fine");

        await().atMost(INDEX_WAIT).until(() -> mediaWithTag("erin", "fine").contains("after.jpg"));
        List<Message> parked = receiveIndexDlq();
        assertThat(parked).anySatisfy(m -> {
            assertThat(m.body()).contains("poison.jpg").contains("\"NewImage\"");
            assertThat(m.messageAttributes().get("ErrorClass").stringValue()).isEqualTo("write-failed");
            assertThat(m.messageAttributes().get("Error").stringValue()).contains("Exception");
        });
        assertThat(registry.get(IndexMetrics.PARKED).counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aChangeIsQueryableWithinSecondsAndIsMetered() {
        long before = System.nanoTime();
        putMedia("frank", "metered.jpg", "meter");

        await().atMost(INDEX_WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> mediaWithTag("frank", "meter").contains("metered.jpg"));
        Duration observedLag = Duration.ofNanos(System.nanoTime() - before);
        System.out.printf("indexer lag, write to queryable: %d ms%n", observedLag.toMillis());
        assertThat(observedLag).isLessThan(LOW_LAG);
        await().atMost(INDEX_WAIT).untilAsserted(() -> {
            assertThat(registry.get(IndexMetrics.APPLIED).counter().count()).isGreaterThanOrEqualTo(2);
            assertThat(registry.get(IndexMetrics.LAG).timer().count()).isGreaterThanOrEqualTo(2);
        });
        assertThat(registry.get(IndexMetrics.MILLIS_BEHIND_LATEST).gauge().value()).isGreaterThanOrEqualTo(0);
    }

    private static List<Message> receiveIndexDlq() {
        String url = clients.sqs().getQueueUrl(r -> r.queueName(clients.config().indexDlq())).queueUrl();
        return await().atMost(INDEX_WAIT).until(() -> clients.sqs().receiveMessage(r -> r.queueUrl(url)
                .maxNumberOfMessages(10).messageAttributeNames("All").waitTimeSeconds(1)).messages(),
                messages -> !messages.isEmpty());
    }

    private static void putMedia(String user, String mediaId, String... tags) {
        media.put(user, mediaId, tags);
    }

    private static Set<String> mediaWithTag(String user, String tag) {
        return dynamoDb.query(r -> r.tableName(clients.config().tagIndexTable())
                        .keyConditionExpression("UserTag = :ut").filterExpression(IndexAttributes.LIVE_ONLY)
                        .expressionAttributeValues(Map.of(":ut", AttributeValue.fromS(user + "#" + tag))))
                .items().stream().map(i -> i.get("MediaId").s()).collect(Collectors.toSet());
    }

    private static Map<String, AttributeValue> indexItem(String user, String tag, String mediaId) {
        return dynamoDb.getItem(r -> r.tableName(clients.config().tagIndexTable()).key(Map.of(
                "UserTag", AttributeValue.fromS(user + "#" + tag), "MediaId", AttributeValue.fromS(mediaId)))).item();
    }
}
