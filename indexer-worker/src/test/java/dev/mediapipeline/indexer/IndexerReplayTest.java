package dev.mediapipeline.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.indexer.count.TagCounts;
import dev.mediapipeline.indexer.metrics.IndexMetrics;
import dev.mediapipeline.indexer.projection.IndexAttributes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The whole stream applied a second time, as after a lost lease table: a worker of another application
 * name starts at the trim horizon and replays every record into the same index. Entries and tag counts
 * stay as they were.
 */
class IndexerReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void replayingTheWholeStreamLeavesEntriesAndTagCountsExact() {
        AwsClients clients = TestStack.provisioned("replay-counts");
        MediaItems media = new MediaItems(clients);
        try (IndexerWorker first = new IndexerWorker(clients, new SimpleMeterRegistry())) {
            first.start();
            media.put("kim", "one.jpg", "beach", "sea");
            media.put("kim", "two.jpg", "beach");
            media.put("kim", "three.jpg", "beach");
            media.put("kim", "one.jpg", "sea");
            clients.dynamoDb().deleteItem(r -> r.tableName(clients.config().mediaTable()).key(Map.of(
                    "UserId", AttributeValue.fromS("kim"), "MediaId", AttributeValue.fromS("two.jpg"))));
            await().atMost(WAIT).until(() -> counts(clients).equals(Map.of("beach", 1L, "sea", 1L))
                    && live(clients, "beach").equals(List.of("three.jpg")));
        }

        SimpleMeterRegistry replayMeters = new SimpleMeterRegistry();
        try (IndexerWorker replay = new IndexerWorker(clients, replayMeters,
                IndexerOptions.defaults().withApplicationName("replay-counts-again"))) {
            replay.start();
            await().atMost(WAIT).until(() -> replayMeters.get(IndexMetrics.APPLIED).counter().count() >= 5);
        }

        assertThat(counts(clients)).isEqualTo(Map.of("beach", 1L, "sea", 1L));
        assertThat(live(clients, "beach")).containsExactly("three.jpg");
        assertThat(live(clients, "sea")).containsExactly("one.jpg");
    }

    /** What {@code query --user kim --tags} lists. */
    private static Map<String, Long> counts(AwsClients clients) {
        Map<String, Long> counts = TagCounts.read(clients.dynamoDb(), clients.config().tagIndexTable(), "kim");
        counts.values().removeIf(count -> count == 0);
        return counts;
    }

    private static List<String> live(AwsClients clients, String tag) {
        return clients.dynamoDb().query(r -> r.tableName(clients.config().tagIndexTable())
                        .keyConditionExpression("UserTag = :ut").filterExpression(IndexAttributes.LIVE_ONLY)
                        .expressionAttributeValues(Map.of(":ut", AttributeValue.fromS("kim#" + tag))))
                .items().stream().map(i -> i.get("MediaId").s()).sorted().toList();
    }
}
