package dev.mediapipeline.localaws.dynamodb.ttl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.localaws.LocalAws;
import dev.mediapipeline.localaws.LocalAwsOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class TimeToLiveSweeperTest {

    @Test
    void expiredItemsAreDeletedByTheServiceAndOthersAreLeftAlone() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
        try (LocalAws aws = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort().withTimeToLiveSweep(Duration.ofMillis(100)));
             DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).httpClient(ApacheHttpClient.create()).build();
             DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(aws.endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(credentials).httpClient(ApacheHttpClient.create()).build()) {
            String streamArn = dynamo.createTable(b -> b.tableName("Expiring")
                    .attributeDefinitions(a -> a.attributeName("Pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("Pk").keyType(KeyType.HASH))
                    .billingMode("PAY_PER_REQUEST")
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.OLD_IMAGE)))
                    .tableDescription().latestStreamArn();
            dynamo.updateTimeToLive(b -> b.tableName("Expiring")
                    .timeToLiveSpecification(t -> t.attributeName("ExpiresAt").enabled(true)));
            long now = Instant.now().getEpochSecond();
            put(dynamo, "expired", AttributeValue.fromN(Long.toString(now - 60)));
            put(dynamo, "future", AttributeValue.fromN(Long.toString(now + 3600)));
            put(dynamo, "text", AttributeValue.fromS(Long.toString(now - 60)));
            put(dynamo, "ancient", AttributeValue.fromN(Long.toString(now - 6L * 365 * 24 * 3600)));
            dynamo.putItem(b -> b.tableName("Expiring").item(Map.of("Pk", AttributeValue.fromS("none"))));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(dynamo.scan(b -> b.tableName("Expiring")).items()).extracting(i -> i.get("Pk").s())
                            .containsExactlyInAnyOrder("future", "text", "ancient", "none"));

            String shard = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            List<Record> records = streams.getRecords(b -> b.shardIterator(iterator)).records();
            // The sweeper may run between the puts: the removal is the one REMOVE, wherever it falls.
            Record removal = records.stream().filter(r -> r.eventName() == OperationType.REMOVE).findFirst().orElseThrow();
            assertThat(removal.dynamodb().keys().get("Pk").s()).isEqualTo("expired");
            assertThat(removal.userIdentity().type()).isEqualTo("Service");
            assertThat(removal.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
        }
    }

    private static void put(DynamoDbClient dynamo, String pk, AttributeValue expiresAt) {
        dynamo.putItem(b -> b.tableName("Expiring").item(Map.of("Pk", AttributeValue.fromS(pk), "ExpiresAt", expiresAt)));
    }
}
