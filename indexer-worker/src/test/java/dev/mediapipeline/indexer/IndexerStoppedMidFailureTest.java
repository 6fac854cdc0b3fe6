package dev.mediapipeline.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.indexer.metrics.IndexMetrics;
import dev.mediapipeline.indexer.projection.IndexAttributes;
import dev.mediapipeline.indexer.write.RetryPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * A worker stopped while a batch keeps failing checkpoints only what it applied, so the next holder of
 * the lease applies the batch. The failure is real: the index table and the index DLQ are deleted, so a
 * record can be neither written nor parked.
 */
class IndexerStoppedMidFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final IndexerOptions OPTIONS = IndexerOptions.defaults()
            .withRetry(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50)));

    @Test
    void aWorkerStoppedDuringAFailingBatchLeavesTheBatchToTheNextHolder() {
        AwsClients clients = TestStack.provisioned("stopped-mid-failure");
        MediaItems media = new MediaItems(clients);
        SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
        IndexerWorker first = new IndexerWorker(clients, firstMeters, OPTIONS);
        first.start();
        media.put("ivy", "warm.jpg", "warm");
        await().atMost(WAIT).until(() -> live(clients, "warm").contains("warm.jpg"));

        breakTheIndex(clients);
        media.put("ivy", "held.jpg", "held");
        await().atMost(WAIT).until(() -> firstMeters.get(IndexMetrics.STALLED).counter().count() >= 1);
        first.close();

        new Provisioner(clients).provision();
        SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
        try (IndexerWorker second = new IndexerWorker(clients, secondMeters, OPTIONS)) {
            second.start();
            await().atMost(WAIT).until(() -> live(clients, "held").contains("held.jpg"));
        }
        assertThat(firstMeters.get(IndexMetrics.APPLIED).counter().count()).isEqualTo(1);
        assertThat(secondMeters.get(IndexMetrics.PARKED).counter().count()).isZero();
    }

    private static void breakTheIndex(AwsClients clients) {
        String dlq = clients.sqs().getQueueUrl(r -> r.queueName(clients.config().indexDlq())).queueUrl();
        clients.sqs().deleteQueue(r -> r.queueUrl(dlq));
        clients.dynamoDb().deleteTable(r -> r.tableName(clients.config().tagIndexTable()));
        await().atMost(WAIT).until(() -> !exists(clients, clients.config().tagIndexTable()));
    }

    private static boolean exists(AwsClients clients, String table) {
        try {
            clients.dynamoDb().describeTable(r -> r.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static List<String> live(AwsClients clients, String tag) {
        return clients.dynamoDb().query(r -> r.tableName(clients.config().tagIndexTable())
                        .keyConditionExpression("UserTag = :ut").filterExpression(IndexAttributes.LIVE_ONLY)
                        .expressionAttributeValues(Map.of(":ut", AttributeValue.fromS("ivy#" + tag))))
                .items().stream().map(i -> i.get("MediaId").s()).toList();
    }
}
