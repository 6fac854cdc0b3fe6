package dev.mediapipeline.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.localaws.LocalAws;
import dev.mediapipeline.localaws.LocalAwsOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * KCL and the streams adapter follow the embedded stream's shard lineage: shards close and children open
 * (as DynamoDB does every few hours; here every second) while the indexer runs, and no change is lost.
 */
class IndexerAcrossShardRollOverTest {

    private static final Duration SHARD_LIFETIME = Duration.ofSeconds(1);
    private static final Duration INDEX_WAIT = Duration.ofSeconds(90);
    private static final int UPLOADS = 12;

    @Test
    void changesWrittenAcrossSeveralShardsAreAllIndexed() {
        try (LocalAws stack = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort().withStreamShardLifetime(SHARD_LIFETIME));
             AwsClients clients = TestStack.provisioned("rollover", stack.endpoint());
             IndexerWorker worker = new IndexerWorker(clients, new SimpleMeterRegistry())) {
            worker.start();
            MediaItems media = new MediaItems(clients);
            for (int i = 0; i < UPLOADS; i++) {
                media.put("grace", "photo-" + i + ".jpg", "trip");
                if (i % 3 == 2) {
                    // Spread the writes over several shards without a bare sleep: wait for the next one to open.
                    int shardsBefore = shards(clients).size();
                    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                            .until(() -> shards(clients).size() > shardsBefore);
                }
            }

            Set<String> expected = IntStream.range(0, UPLOADS).mapToObj(i -> "photo-" + i + ".jpg").collect(Collectors.toSet());
            await().atMost(INDEX_WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> mediaWithTag(clients.dynamoDb(), clients.config().tagIndexTable(), "grace#trip"), expected::equals);
            List<Shard> lineage = shards(clients);
            assertThat(lineage).hasSizeGreaterThan(2);
            assertThat(lineage.subList(1, lineage.size())).allSatisfy(s -> assertThat(s.parentShardId()).isNotNull());
        }
    }

    private static List<Shard> shards(AwsClients clients) {
        String streamArn = clients.dynamoDb().describeTable(r -> r.tableName(clients.config().mediaTable()))
                .table().latestStreamArn();
        try (DynamoDbStreamsClient streams = clients.configure(DynamoDbStreamsClient.builder()).build()) {
            return streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards();
        }
    }

    private static Set<String> mediaWithTag(DynamoDbClient dynamoDb, String table, String userTag) {
        return dynamoDb.query(r -> r.tableName(table).keyConditionExpression("UserTag = :ut")
                        .expressionAttributeValues(Map.of(":ut", AttributeValue.fromS(userTag))))
                .items().stream().map(i -> i.get("MediaId").s()).collect(Collectors.toSet());
    }
}
