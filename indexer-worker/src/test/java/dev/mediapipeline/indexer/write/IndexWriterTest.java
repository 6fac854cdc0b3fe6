package dev.mediapipeline.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.item.Sequencers;
import dev.mediapipeline.indexer.TestStack;
import dev.mediapipeline.indexer.count.TagCounts;
import dev.mediapipeline.indexer.projection.IndexAttributes;
import dev.mediapipeline.indexer.projection.IndexWrite;
import dev.mediapipeline.indexer.projection.TagIndexProjection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Projected writes applied to a real MediaTagIndex. Each change is first made to the UserMedia item, as
 * the ingest worker would, and its stream record then applied; a replay applies an earlier record again.
 */
class IndexWriterTest {

    private static AwsClients clients;
    private static IndexWriter writer;
    /** Writes through a client that records the name of each DynamoDB operation it sends. */
    private static IndexWriter countingWriter;
    private static final List<String> operations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void provision() {
        clients = TestStack.provisioned("writer-test");
        writer = new IndexWriter(clients.dynamoDb(), clients.config().tagIndexTable());
        countingWriter = new IndexWriter(OperationLog.recording(clients, operations), clients.config().tagIndexTable());
    }

    @Test
    void applyingARecordTwiceLeavesTheIndexAsAfterTheFirstTime() {
        var insert = record(null, image("replay.jpg", "1", 640, "a", "b"));
        var modify = record(image("replay.jpg", "1", 640, "a", "b"), image("replay.jpg", "2", 800, "b", "c"));

        apply(insert);
        apply(modify);
        Map<String, Map<String, AttributeValue>> once = entries("replay.jpg", "a", "b", "c");
        apply(modify);

        assertThat(entries("replay.jpg", "a", "b", "c")).isEqualTo(once).containsOnlyKeys("b", "c");
        assertThat(once.get("b")).containsEntry("Width", AttributeValue.fromN("800"));
    }

    @Test
    void anOlderRecordReplayedAfterANewerOneDoesNotRegressTheIndex() {
        var insert = record(null, image("order.jpg", "1", 640, "keep", "dropped"));
        var modify = record(image("order.jpg", "1", 640, "keep", "dropped"), image("order.jpg", "2", 1024, "keep"));
        apply(insert);
        apply(modify);

        List<Boolean> changed = apply(insert);

        assertThat(changed).containsOnly(false);
        Map<String, Map<String, AttributeValue>> entries = entries("order.jpg", "keep", "dropped");
        assertThat(entries).containsOnlyKeys("keep");
        assertThat(entries.get("keep"))
                .containsEntry("Width", AttributeValue.fromN("1024"))
                .containsEntry("SequencerOrder", AttributeValue.fromS(Sequencers.order("2")));
    }

    @Test
    void aReplayedRemovalOfAnOlderImageLeavesANewerEntryAlone() {
        var insert = record(null, image("back.jpg", "1", 640, "x"));
        var removeOld = record(image("back.jpg", "1", 640, "x"), null);
        var reinsert = record(null, image("back.jpg", "3", 640, "x"));
        apply(insert);
        apply(removeOld);
        apply(reinsert);

        apply(removeOld);

        assertThat(entries("back.jpg", "x")).containsOnlyKeys("x");
    }

    /**
     * What each write costs: a tag that becomes live or is removed is one TransactWriteItems (the entry and
     * the tag count); new attributes of a live tag are one PutItem.
     */
    @Test
    void aTagAddedOrRemovedIsOneTransactionAndNewAttributesOnePutItem() {
        var insert = record(null, image("cheap.jpg", "1", 640, "p", "q", "r"));
        var modify = record(image("cheap.jpg", "1", 640, "p", "q", "r"), image("cheap.jpg", "2", 800, "p", "q"));
        operations.clear();

        insert.forEach(countingWriter::apply);
        modify.forEach(countingWriter::apply);

        assertThat(operations).containsExactlyInAnyOrder("TransactWriteItems", "TransactWriteItems",
                "TransactWriteItems", "PutItem", "PutItem", "TransactWriteItems");
        assertThat(entries("cheap.jpg", "p", "q", "r")).containsOnlyKeys("p", "q");
        assertThat(entries("cheap.jpg", "p").get("p")).containsEntry("Width", AttributeValue.fromN("800"));
    }

    @Test
    void aRemovalLeavesAMarkerThatExpiresAndThatNoQueryOfTheTagReturns() {
        var insert = record(null, image("marked.jpg", "1", 640, "m"));
        apply(insert);
        apply(record(image("marked.jpg", "1", 640, "m"), null));

        Map<String, AttributeValue> marker = clients.dynamoDb().getItem(r -> r
                .tableName(clients.config().tagIndexTable()).consistentRead(true)
                .key(Map.of("UserTag", AttributeValue.fromS("gina#m"), "MediaId",
                        AttributeValue.fromS("marked.jpg")))).item();
        assertThat(marker).containsKey("ExpiresAt")
                .containsEntry("SequencerOrder", AttributeValue.fromS(Sequencers.order("1")));
        assertThat(Long.parseLong(marker.get("ExpiresAt").n())).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(clients.dynamoDb().query(r -> r.tableName(clients.config().tagIndexTable())
                .keyConditionExpression("UserTag = :k").filterExpression(IndexAttributes.LIVE_ONLY)
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS("gina#m")))).items()).isEmpty();
    }

    @Test
    void tagCountsStayExactWhenRecordsAreReplayedInAnyOrderAndAfterDeletes() {
        var one = record(null, image("c1.jpg", "1", 640, "count", "other"));
        var two = record(null, image("c2.jpg", "1", 640, "count"));
        var three = record(null, image("c3.jpg", "1", 640, "count"));
        var retag = record(image("c1.jpg", "1", 640, "count", "other"), image("c1.jpg", "2", 640, "other"));
        var delete = record(image("c2.jpg", "1", 640, "count"), null);
        List<List<IndexWrite>> records = List.of(one, two, three, retag, delete);
        records.forEach(IndexWriterTest::apply);
        assertThat(counts()).containsEntry("count", 1L).containsEntry("other", 1L);

        for (int i = records.size() - 1; i >= 0; i--) {
            apply(records.get(i));
        }
        records.forEach(IndexWriterTest::apply);

        assertThat(counts()).containsEntry("count", 1L).containsEntry("other", 1L);
    }

    @Test
    void aReplayedInsertDoesNotBringBackATagThatANewerImageRemoved() {
        var insert = record(null, image("resurrect.jpg", "1", 640, "lazarus"));
        apply(insert);
        apply(record(image("resurrect.jpg", "1", 640, "lazarus"), null));

        assertThat(apply(insert)).containsOnly(false);

        assertThat(entries("resurrect.jpg", "lazarus")).isEmpty();
        assertThat(counts()).containsEntry("lazarus", 0L);
    }

    /** Changes the UserMedia item from one image to the other and returns the stream record's writes. */
    private static List<IndexWrite> record(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        if (newImage != null) {
            clients.dynamoDb().putItem(r -> r.tableName(clients.config().mediaTable()).item(newImage));
        } else {
            clients.dynamoDb().deleteItem(r -> r.tableName(clients.config().mediaTable()).key(Map.of(
                    "UserId", oldImage.get("UserId"), "MediaId", oldImage.get("MediaId"))));
        }
        return TagIndexProjection.project(oldImage, newImage);
    }

    private static List<Boolean> apply(List<IndexWrite> writes) {
        return writes.stream().map(writer::apply).toList();
    }

    /** The tag counts of gina. */
    private static Map<String, Long> counts() {
        return TagCounts.read(clients.dynamoDb(), clients.config().tagIndexTable(), "gina");
    }

    private static Map<String, Map<String, AttributeValue>> entries(String mediaId, String... tags) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (String tag : tags) {
            Map<String, AttributeValue> item = clients.dynamoDb().getItem(r -> r
                    .tableName(clients.config().tagIndexTable()).consistentRead(true)
                    .key(Map.of("UserTag", AttributeValue.fromS("gina#" + tag),
                            "MediaId", AttributeValue.fromS(mediaId)))).item();
            if (item != null && !item.isEmpty() && !item.containsKey("ExpiresAt")) {
                found.put(tag, item);
            }
        }
        return found;
    }

    private static Map<String, AttributeValue> image(String mediaId, String sequencer, int width, String... tags) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("UserId", AttributeValue.fromS("gina"));
        item.put("MediaId", AttributeValue.fromS(mediaId));
        item.put("S3Key", AttributeValue.fromS("users/gina/" + mediaId));
        item.put("Sequencer", AttributeValue.fromS(sequencer));
        item.put("SequencerOrder", AttributeValue.fromS(Sequencers.order(sequencer)));
        item.put("Type", AttributeValue.fromS("image"));
        item.put("Width", AttributeValue.fromN(String.valueOf(width)));
        item.put("Tags", AttributeValue.fromSs(List.of(tags)));
        return Map.copyOf(item);
    }
}
