package dev.mediapipeline.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class DynamoDbThroughEdgeTest {

    private static TestClients clients;

    @BeforeAll
    static void start() {
        clients = new TestClients(SharedLocalAws.endpoint());
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    @Test
    void tablesItemsQueriesAndTheStreamWorkThroughTheEdge() {
        String streamArn = clients.dynamoDb.createTable(b -> b.tableName("EdgeThings")
                .attributeDefinitions(attribute("Pk"), attribute("Sk"))
                .keySchema(KeySchemaElement.builder().attributeName("Pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("Sk").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
        clients.dynamoDb.putItem(b -> b.tableName("EdgeThings").item(item("u1", "a", "first")));
        clients.dynamoDb.putItem(b -> b.tableName("EdgeThings").item(item("u1", "b", "second")));
        clients.dynamoDb.putItem(b -> b.tableName("EdgeThings").item(item("u1", "a", "first, changed")));
        clients.dynamoDb.putItem(b -> b.tableName("EdgeThings").item(item("u2", "a", "other user")));

        var query = clients.dynamoDb.query(b -> b.tableName("EdgeThings").keyConditionExpression("Pk = :u")
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("u1"))));
        assertThat(query.items()).extracting(i -> i.get("V").s()).containsExactly("first, changed", "second");

        var stream = clients.streams.describeStream(b -> b.streamArn(streamArn)).streamDescription();
        assertThat(stream.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        String iterator = clients.streams.getShardIterator(b -> b.streamArn(streamArn)
                .shardId(stream.shards().get(0).shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<Record> records = clients.streams.getRecords(b -> b.shardIterator(iterator)).records();
        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.INSERT, OperationType.MODIFY, OperationType.INSERT);
        Record modify = records.get(2);
        assertThat(modify.dynamodb().oldImage().get("V").s()).isEqualTo("first");
        assertThat(modify.dynamodb().newImage().get("V").s()).isEqualTo("first, changed");
    }

    @Test
    void anyCredentialsAndRegionSeeTheSameTables() {
        clients.dynamoDb.createTable(b -> b.tableName("EdgeShared").attributeDefinitions(attribute("Pk"))
                .keySchema(KeySchemaElement.builder().attributeName("Pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        try (DynamoDbClient other = DynamoDbClient.builder().endpointOverride(SharedLocalAws.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("someone", "else")))
                .httpClient(ApacheHttpClient.create())
                .build()) {
            assertThat(other.listTables().tableNames()).contains("EdgeShared");
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String value) {
        return Map.of("Pk", AttributeValue.fromS(pk), "Sk", AttributeValue.fromS(sk), "V", AttributeValue.fromS(value));
    }
}
