package dev.mediapipeline.localaws.dynamodb;

import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.assertError;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.hash;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.n;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.range;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.s;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class TableOperationsTest {

    private static final DynamoDbClient DYNAMO = DynamoDbTesting.client(SharedLocalAws.endpoint());

    @AfterAll
    static void close() {
        DYNAMO.close();
    }

    @Test
    void createTableAnswersCreatingAndDescribeTableThenActiveWithIndexesAndArn() {
        String name = DynamoDbTesting.tableName("Leases");
        var created = DYNAMO.createTable(b -> b.tableName(name)
                .attributeDefinitions(string("leaseKey"), string("leaseOwner"))
                .keySchema(hash("leaseKey")).billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(g -> g.indexName("LeaseOwnerToLeaseKeyIndex")
                        .keySchema(hash("leaseOwner"), range("leaseKey")).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))
                .tableDescription();
        assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(created.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + name);

        DYNAMO.waiter().waitUntilTableExists(b -> b.tableName(name));
        var described = DYNAMO.describeTable(b -> b.tableName(name)).table();
        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(described.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
            assertThat(index.indexArn()).isEqualTo(created.tableArn() + "/index/LeaseOwnerToLeaseKeyIndex");
        });
        assertThat(described.itemCount()).isZero();
        assertThat(described.deletionProtectionEnabled()).isFalse();
    }

    @Test
    void createTableRefusesWhatDynamoDbRefuses() {
        String name = DynamoDbTesting.tableName("Bad");
        assertError(() -> DYNAMO.createTable(b -> b.tableName(name).attributeDefinitions(string("Y"))
                        .keySchema(hash("X")).billingMode(BillingMode.PAY_PER_REQUEST)), DynamoDbException.class,
                "One or more parameter values were invalid: Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: [X], AttributeDefinitions: [Y]");
        assertError(() -> DYNAMO.createTable(b -> b.tableName(name).attributeDefinitions(string("X"))
                        .keySchema(hash("X"))), DynamoDbException.class,
                "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be "
                        + "specified when BillingMode is PROVISIONED");
        assertError(() -> DYNAMO.createTable(b -> b.tableName(name).attributeDefinitions(string("X"), string("Z"))
                        .keySchema(hash("X")).billingMode(BillingMode.PAY_PER_REQUEST)), DynamoDbException.class,
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match "
                        + "number of attributes defined in AttributeDefinitions");
        assertError(() -> DYNAMO.createTable(b -> b.tableName("ab").attributeDefinitions(string("X"))
                        .keySchema(hash("X")).billingMode(BillingMode.PAY_PER_REQUEST)), DynamoDbException.class,
                "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3");

        DynamoDbTesting.createTable(DYNAMO, name, false);
        assertError(() -> DynamoDbTesting.createTable(DYNAMO, name, false), ResourceInUseException.class,
                "Table already exists: " + name);
    }

    @Test
    void missingTablesAreNamedInTheControlPlaneOnly() {
        assertError(() -> DYNAMO.describeTable(b -> b.tableName("NoSuchTable")), ResourceNotFoundException.class,
                "Requested resource not found: Table: NoSuchTable not found");
        assertError(() -> DYNAMO.deleteTable(b -> b.tableName("NoSuchTable")), ResourceNotFoundException.class,
                "Requested resource not found: Table: NoSuchTable not found");
        assertError(() -> DYNAMO.getItem(b -> b.tableName("NoSuchTable").key(DynamoDbTesting.key("a"))),
                ResourceNotFoundException.class, "Requested resource not found");
    }

    @Test
    void listTablesPagesInNameOrder() {
        String prefix = DynamoDbTesting.tableName("List");
        for (String suffix : new String[] {"c", "a", "b"}) {
            DynamoDbTesting.createTable(DYNAMO, prefix + suffix, false);
        }
        var first = DYNAMO.listTables(b -> b.exclusiveStartTableName(prefix).limit(2));
        assertThat(first.tableNames()).containsExactly(prefix + "a", prefix + "b");
        assertThat(first.lastEvaluatedTableName()).isEqualTo(prefix + "b");
        assertThat(DYNAMO.listTables(b -> b.exclusiveStartTableName(prefix + "b").limit(1)).tableNames())
                .containsExactly(prefix + "c");
    }

    @Test
    void anIndexAddedByUpdateTableIsFilledFromTheItemsThere() {
        String name = DynamoDbTesting.tableName("Grow");
        DynamoDbTesting.createTable(DYNAMO, name, false);
        DYNAMO.putItem(b -> b.tableName(name).item(Map.of("Pk", s("1"), "Owner", s("w1"))));
        DYNAMO.putItem(b -> b.tableName(name).item(Map.of("Pk", s("2"), "Owner", s("w1"))));
        DYNAMO.putItem(b -> b.tableName(name).item(Map.of("Pk", s("3"))));
        DYNAMO.putItem(b -> b.tableName(name).item(Map.of("Pk", s("4"), "Owner", n("7"))));

        var updated = DYNAMO.updateTable(b -> b.tableName(name).attributeDefinitions(string("Pk"), string("Owner"))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("ByOwner").keySchema(hash("Owner"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))))).tableDescription();
        assertThat(updated.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexStatus)
                .containsExactly(IndexStatus.CREATING);

        var index = DYNAMO.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes().get(0);
        assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(index.itemCount()).isEqualTo(2);
        assertThat(DYNAMO.scan(b -> b.tableName(name).indexName("ByOwner")).items())
                .extracting(i -> i.get("Pk").s()).containsExactlyInAnyOrder("1", "2");
        assertError(() -> DYNAMO.putItem(b -> b.tableName(name).item(Map.of("Pk", s("5"), "Owner", n("1")))),
                DynamoDbException.class, "One or more parameter values were invalid: Type mismatch for Index Key Owner "
                        + "Expected: S Actual: N IndexName: ByOwner");

        DYNAMO.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("ByOwner"))));
        assertThat(DYNAMO.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes()).isEmpty();
    }

    @Test
    void updateTableTurnsTheStreamOnAndOff() {
        String name = DynamoDbTesting.tableName("Streamed");
        DynamoDbTesting.createTable(DYNAMO, name, true);
        var enabled = DYNAMO.updateTable(b -> b.tableName(name)
                .streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))).tableDescription();
        assertThat(enabled.latestStreamArn()).startsWith(enabled.tableArn() + "/stream/");
        assertThat(enabled.streamSpecification().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
        assertError(() -> DYNAMO.updateTable(b -> b.tableName(name)
                        .streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))),
                DynamoDbException.class, "Table already has an enabled stream: TableName: " + name);
        DYNAMO.updateTable(b -> b.tableName(name).streamSpecification(st -> st.streamEnabled(false)));
        assertThat(DYNAMO.describeTable(b -> b.tableName(name)).table().latestStreamArn()).isNull();
    }

    @Test
    void deletionProtectionRefusesDeleteTableUntilTurnedOff() {
        String name = DynamoDbTesting.tableName("Kept");
        DYNAMO.createTable(b -> b.tableName(name).attributeDefinitions(string("Pk")).keySchema(hash("Pk"))
                .billingMode(BillingMode.PAY_PER_REQUEST).deletionProtectionEnabled(true));
        assertError(() -> DYNAMO.deleteTable(b -> b.tableName(name)), DynamoDbException.class,
                "Resource cannot be deleted as it is currently protected against manual deletion. Disable deletion "
                        + "protection first.");
        DYNAMO.updateTable(b -> b.tableName(name).deletionProtectionEnabled(false));
        assertThat(DYNAMO.deleteTable(b -> b.tableName(name)).tableDescription().tableStatusAsString()).isEqualTo("DELETING");
        assertThat(DYNAMO.listTables().tableNames()).doesNotContain(name);
    }

    @Test
    void tagsTimeToLiveAndContinuousBackupsAreKeptPerTable() {
        String name = DynamoDbTesting.tableName("Settings");
        DynamoDbTesting.createTable(DYNAMO, name, false);
        String arn = DYNAMO.describeTable(b -> b.tableName(name)).table().tableArn();

        DYNAMO.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("team").value("media").build(),
                Tag.builder().key("env").value("dev").build()));
        DYNAMO.untagResource(b -> b.resourceArn(arn).tagKeys("env"));
        assertThat(DYNAMO.listTagsOfResource(b -> b.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("team").value("media").build());

        assertThat(DYNAMO.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);
        DYNAMO.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.attributeName("ExpiresAt").enabled(true)));
        var ttl = DYNAMO.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("ExpiresAt");
        assertError(() -> DYNAMO.updateTimeToLive(b -> b.tableName(name)
                .timeToLiveSpecification(t -> t.attributeName("ExpiresAt").enabled(true))), DynamoDbException.class,
                "TimeToLive is already enabled");

        var backups = DYNAMO.updateContinuousBackups(b -> b.tableName(name)
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))).continuousBackupsDescription();
        assertThat(backups.pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");
        assertThat(DYNAMO.describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription()
                .continuousBackupsStatusAsString()).isEqualTo("ENABLED");
    }
}
