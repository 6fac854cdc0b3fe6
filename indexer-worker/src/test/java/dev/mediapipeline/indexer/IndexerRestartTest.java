package dev.mediapipeline.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.item.Sequencers;
import dev.mediapipeline.indexer.metrics.IndexMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A worker replacing a closed one (a restart, or the next process of the same application) takes over
 * the shard lease at once and continues from the checkpoint instead of re-reading the stream.
 */
class IndexerRestartTest {

    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(20);
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(20);

    @Test
    void theNextWorkerTakesOverTheLeaseAndResumesFromTheCheckpoint() {
        AwsClients clients = TestStack.provisioned("restart");
        IndexerWorker first = new IndexerWorker(clients, new SimpleMeterRegistry());
        first.start();
        put(clients, "before-1.jpg", "1");
        put(clients, "before-2.jpg", "2");
        await().atMost(Duration.ofSeconds(40)).until(() -> indexed(clients).contains("before-2.jpg"));

        long closing = System.nanoTime();
        first.close();
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(CLOSE_LIMIT);
        assertThat(first.isRunning()).isFalse();

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (IndexerWorker second = new IndexerWorker(clients, registry)) {
            long starting = System.nanoTime();
            second.start();
            put(clients, "after.jpg", "3");
            await().atMost(TAKEOVER_LIMIT).until(() -> indexed(clients).contains("after.jpg"));
            System.out.printf("indexer takeover after restart: %d ms%n",
                    Duration.ofNanos(System.nanoTime() - starting).toMillis());
            assertThat(registry.get(IndexMetrics.APPLIED).counter().count()).isEqualTo(1);
        }
    }

    private static void put(AwsClients clients, String mediaId, String sequencer) {
        clients.dynamoDb().putItem(r -> r.tableName(clients.config().mediaTable()).item(Map.of(
                "UserId", AttributeValue.fromS("hana"),
                "MediaId", AttributeValue.fromS(mediaId),
                "S3Key", AttributeValue.fromS("users/hana/" + mediaId),
                "Sequencer", AttributeValue.fromS(sequencer),
                "SequencerOrder", AttributeValue.fromS(Sequencers.order(sequencer)),
                "Tags", AttributeValue.fromSs(List.of("shared")))));
    }

    private static List<String> indexed(AwsClients clients) {
        return clients.dynamoDb().query(r -> r.tableName(clients.config().tagIndexTable())
                        .keyConditionExpression("UserTag = :ut")
                        .expressionAttributeValues(Map.of(":ut", AttributeValue.fromS("hana#shared"))))
                .items().stream().map(i -> i.get("MediaId").s()).toList();
    }
}
