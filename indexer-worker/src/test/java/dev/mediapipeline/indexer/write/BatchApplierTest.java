package dev.mediapipeline.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.indexer.TestStack;
import dev.mediapipeline.indexer.count.TagCounts;
import dev.mediapipeline.indexer.projection.IndexAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * The indexer's core: how far a batch gets, and that no write can take the index backwards, however late
 * it arrives.
 */
class BatchApplierTest {

    private static final RetryPolicy RETRY = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50));

    private static AwsClients clients;
    private static ExecutorService pool;
    private static BatchApplier applier;
    private static long sequenceNumber = 100;

    @BeforeAll
    static void start() {
        clients = TestStack.provisioned("batch-applier-test");
        pool = Executors.newFixedThreadPool(4);
        applier = applier(clients.dynamoDb(), clients.config().indexDlq());
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void aBatchIsAppliedAndEveryRecordReportedDone() {
        List<Record> batch = List.of(change(null, image("one.jpg", "1", 640, "a", "b")),
                change(null, image("two.jpg", "2", 640, "a")),
                change(image("one.jpg", "1", 640, "a", "b"), image("one.jpg", "3", 640, "b")));

        ApplyProgress progress = applier.apply(batch);

        assertThat(progress.complete()).isTrue();
        assertThat(progress.done()).containsExactly(ApplyOutcome.APPLIED, ApplyOutcome.APPLIED, ApplyOutcome.APPLIED);
        assertThat(live("one.jpg", "a")).isFalse();
        assertThat(live("one.jpg", "b")).isTrue();
        assertThat(live("two.jpg", "a")).isTrue();
    }

    /** The DLQ does not exist: an unprojectable record can be neither applied nor parked. */
    @Test
    void aBatchStopsAtTheFirstRecordNeitherAppliedNorParkedAndSaysWhy() {
        BatchApplier withoutDlq = applier(clients.dynamoDb(), "no-such-index-dlq");
        Record unprojectable = change(null, Map.of("MediaId", AttributeValue.fromS("nouser.jpg"),
                "Tags", AttributeValue.fromSs(List.of("c"))));
        List<Record> batch = List.of(change(null, image("before.jpg", "1", 640, "c")), unprojectable,
                change(null, image("after.jpg", "1", 640, "c")));

        ApplyProgress progress = withoutDlq.apply(batch);

        assertThat(progress.done()).containsExactly(ApplyOutcome.APPLIED);
        assertThat(progress.firstUnapplied()).hasValueSatisfying(unapplied -> {
            assertThat(unapplied.record()).isSameAs(unprojectable);
            assertThat(unapplied.cause()).hasMessageContaining("does not exist");
        });
        assertThat(live("before.jpg", "c")).isTrue();
    }

    @Test
    void newMediaSharingTagsMoveEachCountInOneTransactionAndRemovalsToo() {
        List<String> operations = new CopyOnWriteArrayList<>();
        BatchApplier recorded = applier(OperationLog.recording(clients, operations), clients.config().indexDlq());
        List<String> media = mediaOfOneCountItem("group", 5);
        List<Record> uploads = new ArrayList<>();
        for (String mediaId : media) {
            uploads.add(change(null, image(mediaId, "1", 640, "party", "night")));
        }

        assertThat(recorded.apply(uploads).complete()).isTrue();

        assertThat(operations).containsExactly("TransactWriteItems", "TransactWriteItems");
        assertThat(count("party")).isEqualTo(5);
        assertThat(count("night")).isEqualTo(5);
        assertThat(live(media.get(4), "party")).isTrue();
        operations.clear();

        assertThat(recorded.apply(List.of(change(image(media.get(0), "1", 640, "party", "night"), null),
                change(image(media.get(1), "1", 640, "party", "night"), null))).complete()).isTrue();

        assertThat(operations).containsExactly("TransactWriteItems", "TransactWriteItems");
        assertThat(count("party")).isEqualTo(3);
        assertThat(live(media.get(0), "night")).isFalse();
    }

    /**
     * One tag on every upload of a batch: its count is spread over several count items, each moved by one
     * transaction, and they sum to exactly the live entries after a replay of the whole batch and deletes.
     */
    @Test
    void aHotTagIsCountedOnSeveralCountItemsThatSumExactlyUnderReplaysAndDeletes() {
        List<String> operations = new CopyOnWriteArrayList<>();
        BatchApplier recorded = applier(OperationLog.recording(clients, operations), clients.config().indexDlq());
        List<Record> uploads = new ArrayList<>();
        List<Record> deletes = new ArrayList<>();
        Map<String, Integer> kept = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            String mediaId = "hot" + i + ".jpg";
            uploads.add(change(null, image(mediaId, "1", 640, "hot")));
            if (i % 3 == 0) {
                deletes.add(change(image(mediaId, "1", 640, "hot"), null));
            } else {
                kept.merge(TagCounts.countId("hot", mediaId), 1, Integer::sum);
            }
        }

        assertThat(recorded.apply(uploads).complete()).isTrue();

        Map<String, Integer> items = countItems("hot");
        assertThat(items).as("count items of one hot tag").hasSizeGreaterThan(1);
        assertThat(operations).as("one transaction per count item").hasSize(items.size());
        assertThat(items.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
        assertThat(count("hot")).isEqualTo(40);

        assertThat(applier.apply(uploads).complete()).isTrue();
        assertThat(applier.apply(deletes).complete()).isTrue();
        assertThat(applier.apply(uploads).complete()).isTrue();
        assertThat(applier.apply(deletes).complete()).isTrue();

        assertThat(countItems("hot")).as("each count item counts the live entries of its media")
                .hasSize(items.size()).containsAllEntriesOf(kept);
        assertThat(count("hot")).isEqualTo(40 - deletes.size());
    }

    @Test
    void aGroupWithAnEntryNotAsExpectedIsWrittenOneByOneAndCountsStayExact() {
        Record first = change(null, image("early.jpg", "1", 640, "fallback"));
        assertThat(applier.apply(List.of(first)).complete()).isTrue();

        ApplyProgress progress = applier.apply(List.of(first, change(null, image("late1.jpg", "1", 640, "fallback")),
                change(null, image("late2.jpg", "1", 640, "fallback"))));

        assertThat(progress.complete()).isTrue();
        assertThat(count("fallback")).isEqualTo(3);
        assertThat(live("late2.jpg", "fallback")).isTrue();
    }

    /**
     * A stalled worker's write, held back by a test hook (an SDK interceptor that stops its requests before
     * they are sent) until a newer record of the same item was applied by another worker, then let go: it
     * brings back neither the removed tag nor the older attributes, and the tag count stays exact.
     */
    @Test
    void aWriteHeldBackByATestHookUntilANewerRecordIsAppliedCannotResurrectARemovedTag() throws Exception {
        Record insert = change(null, image("zombie.jpg", "1", 640, "removed", "kept"));
        Record retag = change(image("zombie.jpg", "1", 640, "removed", "kept"), image("zombie.jpg", "2", 800, "kept"));
        HeldBackWrites hook = new HeldBackWrites();
        var builder = clients.configure(DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        try (DynamoDbClient stalledClient = builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(hook).build()).build()) {
            BatchApplier stalled = applier(stalledClient, clients.config().indexDlq());
            CompletableFuture<ApplyProgress> zombie =
                    CompletableFuture.supplyAsync(() -> stalled.apply(List.of(insert)));
            assertThat(hook.held.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(applier.apply(List.of(insert, retag)).complete()).isTrue();
            hook.release.countDown();

            assertThat(zombie.get(30, TimeUnit.SECONDS).complete()).isTrue();
        }
        assertThat(live("zombie.jpg", "removed")).isFalse();
        assertThat(entry("zombie.jpg", "kept")).containsEntry("Width", AttributeValue.fromN("800"));
        assertThat(count("removed")).isZero();
        assertThat(count("kept")).isEqualTo(1);
    }

    /** The test hook: holds every index write of its client before it is sent, until released. */
    private static final class HeldBackWrites implements ExecutionInterceptor {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static BatchApplier applier(DynamoDbClient dynamoDb, String dlq) {
        return new BatchApplier(new RecordApplier(new IndexWriter(dynamoDb, clients.config().tagIndexTable()),
                new IndexDeadLetters(clients.sqs(), dlq), RETRY), pool);
    }

    /** A stream record of a change, numbered in stream order. */
    private static synchronized Record change(Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage) {
        Map<String, AttributeValue> image = newImage != null ? newImage : oldImage;
        Map<String, AttributeValue> keys = new HashMap<>();
        keys.put("UserId", AttributeValue.fromS("jo"));
        keys.put("MediaId", image.get("MediaId"));
        return Record.builder().eventID("e" + sequenceNumber).dynamodb(StreamRecord.builder().keys(keys)
                .oldImage(oldImage).newImage(newImage).sequenceNumber(Long.toString(++sequenceNumber)).build()).build();
    }

    private static Map<String, AttributeValue> entry(String mediaId, String tag) {
        return clients.dynamoDb().getItem(r -> r.tableName(clients.config().tagIndexTable()).consistentRead(true)
                .key(Map.of("UserTag", AttributeValue.fromS("jo#" + tag),
                        "MediaId", AttributeValue.fromS(mediaId)))).item();
    }

    private static boolean live(String mediaId, String tag) {
        Map<String, AttributeValue> item = entry(mediaId, tag);
        return item != null && !item.isEmpty() && !item.containsKey("ExpiresAt");
    }

    private static int count(String tag) {
        return TagCounts.read(clients.dynamoDb(), clients.config().tagIndexTable(), "jo").get(tag).intValue();
    }

    /** The count items of jo's tag, by sort key. */
    private static Map<String, Integer> countItems(String tag) {
        Map<String, Integer> items = new HashMap<>();
        clients.dynamoDb().query(r -> r.tableName(clients.config().tagIndexTable()).consistentRead(true)
                        .keyConditionExpression("UserTag = :u")
                        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("jo")))).items().stream()
                .filter(item -> item.get(IndexAttributes.TAG).s().equals(tag))
                .forEach(item -> items.put(item.get(IndexAttributes.MEDIA_ID).s(),
                        Integer.parseInt(item.get(IndexAttributes.MEDIA_COUNT).n())));
        return items;
    }

    /** {@code n} media ids that one count item of any tag counts, so that their writes can go in one transaction. */
    private static List<String> mediaOfOneCountItem(String prefix, int n) {
        String shard = TagCounts.countId("", prefix + "0.jpg");
        return IntStream.range(0, 100).mapToObj(i -> prefix + i + ".jpg")
                .filter(id -> TagCounts.countId("", id).equals(shard)).limit(n).toList();
    }

    private static Map<String, AttributeValue> image(String mediaId, String sequencer, int width, String... tags) {
        return StreamImages.image("jo", mediaId, sequencer, width, tags);
    }
}
