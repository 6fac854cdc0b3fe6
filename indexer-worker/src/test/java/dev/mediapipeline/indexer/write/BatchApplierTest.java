package dev.mediapipeline.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.indexer.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Which path a batch takes: in stream order, one BatchWriteItem; a possible replay, the source check that
 * keeps a removed tag from coming back.
 */
class BatchApplierTest {

    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));

    private static AwsClients clients;
    private static ExecutorService pool;
    private static BatchApplier applier;
    private static final List<String> operations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        clients = TestStack.provisioned("batch-applier-test");
        DynamoDbClient recording = OperationLog.recording(clients, operations);
        pool = Executors.newFixedThreadPool(4);
        applier = new BatchApplier(
                new RecordApplier(new IndexWriter(recording, clients.config().tagIndexTable(),
                        clients.config().mediaTable()), new IndexDeadLetters(clients.sqs(), clients.config().indexDlq()),
                        RETRY),
                new IndexBatchWriter(recording, clients.config().tagIndexTable(), RETRY), pool);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void aBatchInStreamOrderIsOneRequest() throws InterruptedException {
        operations.clear();
        List<Record> batch = List.of(change(null, image("one.jpg", "1", "a", "b")),
                change(null, image("two.jpg", "2", "a")));

        assertThat(applier.apply(batch, r -> Ordering.IN_STREAM_ORDER)).containsOnly(ApplyOutcome.APPLIED);

        assertThat(operations).containsExactly("BatchWriteItem");
        assertThat(indexed("one.jpg", "b")).isTrue();
    }

    @Test
    void aReplayedInsertDoesNotBringBackATagThatALaterRecordRemoved() throws InterruptedException {
        Record insert = change(null, image("gone.jpg", "1", "gone"));
        applier.apply(List.of(insert), r -> Ordering.IN_STREAM_ORDER);
        applier.apply(List.of(change(image("gone.jpg", "1", "gone"), null)), r -> Ordering.IN_STREAM_ORDER);

        assertThat(applier.apply(List.of(insert), r -> Ordering.MAY_BE_REPLAY)).containsOnly(ApplyOutcome.APPLIED);

        assertThat(indexed("gone.jpg", "gone")).isFalse();
    }

    /** Makes the change to the UserMedia item, as the ingest worker would, and returns its stream record. */
    private static Record change(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        if (newImage != null) {
            clients.dynamoDb().putItem(r -> r.tableName(clients.config().mediaTable()).item(newImage));
        } else {
            clients.dynamoDb().deleteItem(r -> r.tableName(clients.config().mediaTable()).key(Map.of(
                    "UserId", oldImage.get("UserId"), "MediaId", oldImage.get("MediaId"))));
        }
        Map<String, AttributeValue> image = newImage != null ? newImage : oldImage;
        return Record.builder().eventID(image.get("MediaId").s()).dynamodb(StreamRecord.builder()
                .keys(Map.of("UserId", image.get("UserId"), "MediaId", image.get("MediaId")))
                .oldImage(oldImage).newImage(newImage).build()).build();
    }

    private static boolean indexed(String mediaId, String tag) {
        return clients.dynamoDb().getItem(r -> r.tableName(clients.config().tagIndexTable()).consistentRead(true)
                .key(Map.of("UserTag", AttributeValue.fromS("jo#" + tag),
                        "MediaId", AttributeValue.fromS(mediaId)))).hasItem();
    }

    private static Map<String, AttributeValue> image(String mediaId, String sequencer, String... tags) {
        return StreamImages.image("jo", mediaId, sequencer, 100, tags);
    }
}
