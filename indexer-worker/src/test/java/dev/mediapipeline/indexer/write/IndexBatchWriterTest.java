package dev.mediapipeline.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.item.Sequencers;
import dev.mediapipeline.indexer.TestStack;
import dev.mediapipeline.indexer.projection.IndexWrite;
import dev.mediapipeline.indexer.projection.TagIndexProjection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A batch of in-order records written to a real MediaTagIndex in BatchWriteItem requests: the index must end
 * as applying the records one by one would leave it, in fewer requests.
 */
class IndexBatchWriterTest {

    private static AwsClients clients;
    private static IndexBatchWriter writer;
    private static final List<String> operations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void provision() {
        clients = TestStack.provisioned("batch-writer-test");
        writer = new IndexBatchWriter(OperationLog.recording(clients, operations), clients.config().tagIndexTable(),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    @BeforeEach
    void clearLog() {
        operations.clear();
    }

    @Test
    void aBatchIsOneRequestAndLeavesTheIndexAsApplyingItsRecordsInTurnWould() throws InterruptedException {
        List<IndexWrite> writes = new ArrayList<>();
        writes.addAll(project(null, image("a.jpg", "1", 640, "p", "q")));
        writes.addAll(project(null, image("b.jpg", "2", 320, "p")));
        writes.addAll(project(image("a.jpg", "1", 640, "p", "q"), image("a.jpg", "3", 800, "p")));
        writes.addAll(project(image("b.jpg", "2", 320, "p"), null));

        assertThat(writer.write(writes, () -> true)).isTrue();

        assertThat(operations).containsExactly("BatchWriteItem");
        assertThat(entry("a.jpg", "p")).containsEntry("Width", AttributeValue.fromN("800"))
                .containsEntry("SequencerOrder", AttributeValue.fromS(Sequencers.order("3")));
        assertThat(entry("a.jpg", "q")).isEmpty();
        assertThat(entry("b.jpg", "p")).isEmpty();
    }

    @Test
    void moreWritesThanOneRequestMayCarryAreAllWritten() throws InterruptedException {
        List<IndexWrite> writes = new ArrayList<>();
        for (int i = 0; i < IndexBatchWriter.MAX_WRITES_PER_REQUEST + 5; i++) {
            writes.addAll(project(null, image("many-" + i + ".jpg", String.valueOf(i + 1), 100, "many")));
        }

        assertThat(writer.write(writes, () -> true)).isTrue();

        assertThat(operations).containsExactly("BatchWriteItem", "BatchWriteItem");
        assertThat(entry("many-0.jpg", "many")).isNotEmpty();
        assertThat(entry("many-29.jpg", "many")).isNotEmpty();
    }

    @Test
    void onceInOrderWritesAreNoLongerSafeNothingIsSentAndTheCallerIsTold() throws InterruptedException {
        List<IndexWrite> writes = project(null, image("late.jpg", "1", 100, "late"));

        assertThat(writer.write(writes, () -> false)).isFalse();

        assertThat(operations).isEmpty();
        assertThat(entry("late.jpg", "late")).isEmpty();
    }

    private static List<IndexWrite> project(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        return TagIndexProjection.project(oldImage, newImage);
    }

    private static Map<String, AttributeValue> entry(String mediaId, String tag) {
        return clients.dynamoDb().getItem(r -> r.tableName(clients.config().tagIndexTable()).consistentRead(true)
                .key(Map.of("UserTag", AttributeValue.fromS("ivo#" + tag),
                        "MediaId", AttributeValue.fromS(mediaId)))).item();
    }

    private static Map<String, AttributeValue> image(String mediaId, String sequencer, int width, String... tags) {
        return StreamImages.image("ivo", mediaId, sequencer, width, tags);
    }
}
