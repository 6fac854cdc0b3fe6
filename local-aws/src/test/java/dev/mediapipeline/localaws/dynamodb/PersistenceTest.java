package dev.mediapipeline.localaws.dynamodb;

import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.hash;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.s;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.LocalAws;
import dev.mediapipeline.localaws.LocalAwsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class PersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void tablesItemsIndexesAndSettingsSurviveARestart() {
        LocalAwsOptions options = LocalAwsOptions.inMemoryOnFreePort().withDataDir(dataDir);
        try (LocalAws aws = LocalAws.start(options); DynamoDbClient dynamo = DynamoDbTesting.client(aws.endpoint())) {
            dynamo.createTable(b -> b.tableName("Kept").attributeDefinitions(string("Pk"), string("Owner"))
                    .keySchema(hash("Pk")).billingMode(BillingMode.PAY_PER_REQUEST)
                    .globalSecondaryIndexes(g -> g.indexName("ByOwner").keySchema(hash("Owner"))
                            .projection(p -> p.projectionType(ProjectionType.ALL)))
                    .streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            dynamo.putItem(b -> b.tableName("Kept").item(Map.of("Pk", s("p1"), "Owner", s("o1"))));
            dynamo.updateTimeToLive(b -> b.tableName("Kept").timeToLiveSpecification(t -> t.attributeName("Ttl").enabled(true)));
        }
        assertThat(dataDir.resolve("dynamodb").resolve("dynamodb.mv.db")).exists();
        try (LocalAws aws = LocalAws.start(options); DynamoDbClient dynamo = DynamoDbTesting.client(aws.endpoint())) {
            assertThat(dynamo.getItem(b -> b.tableName("Kept").key(Map.of("Pk", s("p1")))).item()).containsEntry("Owner", s("o1"));
            assertThat(dynamo.scan(b -> b.tableName("Kept").indexName("ByOwner")).count()).isEqualTo(1);
            var table = dynamo.describeTable(b -> b.tableName("Kept")).table();
            assertThat(table.itemCount()).isEqualTo(1);
            assertThat(table.tableSizeBytes()).isEqualTo(2 + 2 + 5 + 2);
            assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
            assertThat(table.latestStreamArn()).startsWith(table.tableArn() + "/stream/");
            assertThat(dynamo.describeTimeToLive(b -> b.tableName("Kept")).timeToLiveDescription().attributeName()).isEqualTo("Ttl");
        }
    }

    @Test
    void inMemoryLeavesNoFile() throws Exception {
        try (LocalAws aws = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort());
             DynamoDbClient dynamo = DynamoDbTesting.client(aws.endpoint())) {
            DynamoDbTesting.createTable(dynamo, "Gone", false);
        }
        try (var files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }
}
