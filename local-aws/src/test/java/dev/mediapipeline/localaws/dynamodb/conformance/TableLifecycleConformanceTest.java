package dev.mediapipeline.localaws.dynamodb.conformance;

import java.time.Duration;
import static org.awaitility.Awaitility.await;
import static dev.mediapipeline.localaws.dynamodb.conformance.Ddb.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** CreateTable, DescribeTable, UpdateTable, DeleteTable, ListTables, tags and backups, as DynamoDB answers them. */
class TableLifecycleConformanceTest {

    private static final String ARN_PREFIX = "arn:aws:dynamodb:" + REGION + ":";

    @Test
    void createTableAnswersTheDescriptionAndTheTableBecomesActive() {
        String name = uniqueName("Lifecycle");
        CreateTableResponse created = ddb().createTable(b -> b.tableName(name)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N))
                .keySchema(hashKey("pk"), rangeKey("sk")).billingMode(BillingMode.PAY_PER_REQUEST));
        TableDescription d = created.tableDescription();
        assertThat(d.tableName()).isEqualTo(name);
        // Real DynamoDB answers CREATING; an emulator that is ACTIVE at once is equally usable.
        assertThat(d.tableStatus()).isIn(TableStatus.CREATING, TableStatus.ACTIVE);
        assertThat(d.keySchema()).containsExactly(hashKey("pk"), rangeKey("sk"));
        assertThat(d.attributeDefinitions()).containsExactly(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N));
        assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(d.provisionedThroughput().readCapacityUnits()).isZero();
        assertThat(d.provisionedThroughput().writeCapacityUnits()).isZero();
        assertThat(d.itemCount()).isZero();
        assertThat(d.tableSizeBytes()).isZero();
        assertThat(d.creationDateTime()).isNotNull();
        assertThat(d.tableArn()).matches("arn:aws:dynamodb:" + REGION + ":\\d{12}:table/" + name);
        assertThat(d.tableId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        TableDescription active = awaitActive(name);
        assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(active.tableArn()).isEqualTo(d.tableArn());
        assertThat(active.deletionProtectionEnabled()).isFalse();
    }

    @Test
    void provisionedTableReportsItsThroughput() {
        String name = createTable("Provisioned", b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S))
                .keySchema(hashKey("pk")).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L)));
        TableDescription d = ddb().describeTable(b -> b.tableName(name)).table();
        assertThat(d.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(d.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
        assertThat(d.provisionedThroughput().numberOfDecreasesToday()).isZero();
    }

    @Test
    void creatingAnExistingTableIsResourceInUse() {
        String name = hashTable("Twice");
        assertError(() -> ddb().createTable(b -> b.tableName(name).attributeDefinitions(attr("pk", ScalarAttributeType.S))
                        .keySchema(hashKey("pk")).billingMode(BillingMode.PAY_PER_REQUEST)),
                ResourceInUseException.class, "ResourceInUseException", "Table already exists: " + name);
    }

    @Test
    void describingAMissingTableIsResourceNotFoundNamingTheTable() {
        String name = uniqueName("Missing");
        assertError(() -> ddb().describeTable(b -> b.tableName(name)), ResourceNotFoundException.class,
                "ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found");
    }

    @Test
    void deletingAMissingTableIsResourceNotFoundNamingTheTable() {
        String name = uniqueName("Missing");
        assertError(() -> ddb().deleteTable(b -> b.tableName(name)), ResourceNotFoundException.class,
                "ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found");
    }

    @Test
    void deleteTableAnswersDeletingAndTheTableGoes() {
        String name = hashTable("Doomed");
        TableDescription d = ddb().deleteTable(b -> b.tableName(name)).tableDescription();
        assertThat(d.tableName()).isEqualTo(name);
        assertThat(d.tableStatus()).isEqualTo(TableStatus.DELETING);
        awaitDeleted(name);
        assertThat(ddb().listTables(b -> b.limit(100)).tableNames()).doesNotContain(name);
        assertError(() -> ddb().describeTable(b -> b.tableName(name)), ResourceNotFoundException.class,
                "ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found");
    }

    @Test
    void listTablesPagesInNameOrder() {
        String prefix = uniqueName("Listed");
        List<String> mine = new ArrayList<>();
        for (String suffix : List.of("c", "a", "b")) {
            String name = prefix + "-" + suffix;
            ddb().createTable(b -> b.tableName(name).attributeDefinitions(attr("pk", ScalarAttributeType.S))
                    .keySchema(hashKey("pk")).billingMode(BillingMode.PAY_PER_REQUEST));
            mine.add(name);
        }
        var page = ddb().listTables(b -> b.exclusiveStartTableName(prefix).limit(2));
        assertThat(page.tableNames()).containsExactly(prefix + "-a", prefix + "-b");
        assertThat(page.lastEvaluatedTableName()).isEqualTo(prefix + "-b");
        var next = ddb().listTables(b -> b.exclusiveStartTableName(prefix + "-b").limit(1));
        assertThat(next.tableNames()).containsExactly(prefix + "-c");

        List<String> all = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            var p = ddb().listTables(b -> b.exclusiveStartTableName(from).limit(100));
            all.addAll(p.tableNames());
            start = p.lastEvaluatedTableName();
        } while (start != null);
        assertThat(all).isSorted().containsAll(mine);
    }

    @Test
    void listTablesLimitMustBeOneToOneHundred() {
        assertValidation(() -> ddb().listTables(b -> b.limit(0)), "1 validation error detected: Value '0' at 'limit' "
                + "failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertValidation(() -> ddb().listTables(b -> b.limit(101)), "1 validation error detected: Value '101' at 'limit' "
                + "failed to satisfy constraint: Member must have value less than or equal to 100");
    }

    @Test
    void listTablesReportsEveryViolationInDynamoDbsOrder() {
        // dynalite test/listTables.js, recorded against DynamoDB.
        assertValidation(() -> ddb().listTables(b -> b.limit(500).exclusiveStartTableName("a;")),
                "3 validation errors detected: "
                        + "Value '500' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100; "
                        + "Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                        + "Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3");
    }

    @Test
    void tableNameTooShortIsAConstraintViolation() {
        assertValidation(() -> ddb().createTable(b -> b.tableName("ab").attributeDefinitions(attr("pk", ScalarAttributeType.S))
                        .keySchema(hashKey("pk")).billingMode(BillingMode.PAY_PER_REQUEST)),
                "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3");
    }

    @Test
    void tableNameWithInvalidCharactersIsAConstraintViolation() {
        // The pattern DynamoDB quotes changed when table ARNs became accepted as names; only the start is pinned.
        assertValidationStartingWith(() -> ddb().createTable(b -> b.tableName("bad name!")
                        .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(hashKey("pk"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)),
                "1 validation error detected: Value 'bad name!' at 'tableName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern");
    }

    @Test
    void keySchemaMustStartWithAHashKey() {
        assertValidation(() -> ddb().createTable(b -> b.tableName(uniqueName("BadKeys"))
                        .attributeDefinitions(attr("a", ScalarAttributeType.S), attr("b", ScalarAttributeType.S))
                        .keySchema(rangeKey("a"), hashKey("b")).billingMode(BillingMode.PAY_PER_REQUEST)),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }

    @Test
    void keySchemaSecondElementMustBeARangeKey() {
        assertValidation(() -> ddb().createTable(b -> b.tableName(uniqueName("BadKeys"))
                        .attributeDefinitions(attr("a", ScalarAttributeType.S), attr("b", ScalarAttributeType.S))
                        .keySchema(hashKey("a"), hashKey("b")).billingMode(BillingMode.PAY_PER_REQUEST)),
                "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }

    @Test
    void keyAttributesMustBeDefined() {
        assertValidation(() -> ddb().createTable(b -> b.tableName(uniqueName("BadKeys"))
                        .attributeDefinitions(attr("other", ScalarAttributeType.S)).keySchema(hashKey("pk"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)),
                "One or more parameter values were invalid: Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]");
    }

    @Test
    void unusedAttributeDefinitionsAreRejected() {
        assertValidation(() -> ddb().createTable(b -> b.tableName(uniqueName("BadKeys"))
                        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("extra", ScalarAttributeType.S))
                        .keySchema(hashKey("pk")).billingMode(BillingMode.PAY_PER_REQUEST)),
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match "
                        + "number of attributes defined in AttributeDefinitions");
    }

    @Test
    void payPerRequestTablesTakeNoThroughput() {
        assertValidation(() -> ddb().createTable(b -> b.tableName(uniqueName("Billing"))
                        .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(hashKey("pk"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))),
                "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                        + "specified when BillingMode is PAY_PER_REQUEST");
    }

    @Test
    void provisionedTablesNeedThroughput() {
        assertValidation(() -> ddb().createTable(b -> b.tableName(uniqueName("Billing"))
                        .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(hashKey("pk"))
                        .billingMode(BillingMode.PROVISIONED)),
                "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be "
                        + "specified when BillingMode is PROVISIONED");
    }

    @Test
    void globalAndLocalSecondaryIndexesAreDescribed() {
        String name = createTable("Indexed", b -> b
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S),
                        attr("g", ScalarAttributeType.S), attr("l", ScalarAttributeType.N))
                .keySchema(hashKey("pk"), rangeKey("sk"))
                .globalSecondaryIndexes(gsi("ByG", ProjectionType.KEYS_ONLY, hashKey("g"), rangeKey("sk")),
                        software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex.builder().indexName("ByGInclude")
                                .keySchema(hashKey("g")).projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes("x", "y").build()).build())
                .localSecondaryIndexes(lsi("ByL", ProjectionType.ALL, hashKey("pk"), rangeKey("l"))));
        TableDescription d = ddb().describeTable(b -> b.tableName(name)).table();
        assertThat(d.globalSecondaryIndexes()).hasSize(2);
        GlobalSecondaryIndexDescription byG = d.globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals("ByG")).findFirst().orElseThrow();
        assertThat(byG.keySchema()).containsExactly(hashKey("g"), rangeKey("sk"));
        assertThat(byG.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        assertThat(byG.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(byG.indexArn()).isEqualTo(d.tableArn() + "/index/ByG");
        assertThat(byG.itemCount()).isZero();
        GlobalSecondaryIndexDescription include = d.globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals("ByGInclude")).findFirst().orElseThrow();
        assertThat(include.projection().nonKeyAttributes()).containsExactly("x", "y");
        assertThat(d.localSecondaryIndexes()).hasSize(1);
        LocalSecondaryIndexDescription byL = d.localSecondaryIndexes().get(0);
        assertThat(byL.indexName()).isEqualTo("ByL");
        assertThat(byL.keySchema()).containsExactly(hashKey("pk"), rangeKey("l"));
        assertThat(byL.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        assertThat(byL.indexArn()).isEqualTo(d.tableArn() + "/index/ByL");
        assertThat(d.attributeDefinitions()).hasSize(4);
    }

    @Test
    void indexKeyAttributesMustBeDefined() {
        assertValidation(() -> ddb().createTable(b -> b.tableName(uniqueName("BadIndex"))
                        .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(hashKey("pk"))
                        .globalSecondaryIndexes(gsi("ByGk", ProjectionType.ALL, hashKey("gk")))
                        .billingMode(BillingMode.PAY_PER_REQUEST)),
                "One or more parameter values were invalid: Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: [gk], AttributeDefinitions: [pk]");
    }

    @Test
    void localSecondaryIndexNeedsARangeKeyOnTheTable() {
        // The distinctive part; DynamoDB's full sentence explains the LSI requirement.
        assertValidationContaining(() -> ddb().createTable(b -> b.tableName(uniqueName("BadLsi"))
                        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("l", ScalarAttributeType.S))
                        .keySchema(hashKey("pk"))
                        .localSecondaryIndexes(lsi("ByL", ProjectionType.ALL, hashKey("pk"), rangeKey("l")))
                        .billingMode(BillingMode.PAY_PER_REQUEST)),
                "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
    }

    @Test
    void duplicateIndexNamesAreRejected() {
        assertValidationContaining(() -> ddb().createTable(b -> b.tableName(uniqueName("DupIndex"))
                        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
                        .keySchema(hashKey("pk"))
                        .globalSecondaryIndexes(gsi("Same", ProjectionType.ALL, hashKey("g")),
                                gsi("Same", ProjectionType.KEYS_ONLY, hashKey("g")))
                        .billingMode(BillingMode.PAY_PER_REQUEST)),
                "Duplicate index name: Same");
    }

    @Test
    void updateTableSwitchesBillingMode() {
        String name = hashTable("Billing");
        TableDescription d = ddb().updateTable(b -> b.tableName(name).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L))).tableDescription();
        assertThat(d.tableName()).isEqualTo(name);
        TableDescription after = awaitActive(name);
        assertThat(after.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(after.provisionedThroughput().readCapacityUnits()).isEqualTo(3L);
        assertThat(after.provisionedThroughput().writeCapacityUnits()).isEqualTo(4L);
    }

    @Test
    void updateTableAddsAndRemovesAGlobalSecondaryIndex() {
        String name = hashTable("AddIndex");
        ddb().putItem(b -> b.tableName(name).item(item("pk", s("1"), "g", s("x"))));
        ddb().updateTable(b -> b.tableName(name).attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("ByG").keySchema(hashKey("g"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        TableDescription d = awaitActive(name);
        assertThat(d.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName).containsExactly("ByG");
        var found = ddb().query(b -> b.tableName(name).indexName("ByG").keyConditionExpression("g = :g")
                .expressionAttributeValues(item(":g", s("x"))));
        assertThat(found.items()).containsExactly(item("pk", s("1"), "g", s("x")));

        ddb().updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(u -> u.delete(x -> x.indexName("ByG"))));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> !ddb().describeTable(b -> b.tableName(name)).table().hasGlobalSecondaryIndexes());
        assertThat(ddb().describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes()).isEmpty();
    }

    @Test
    void updatingAMissingTableIsResourceNotFound() {
        String name = uniqueName("Missing");
        assertError(() -> ddb().updateTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)),
                ResourceNotFoundException.class, "ResourceNotFoundException",
                "Requested resource not found: Table: " + name + " not found");
    }

    @Test
    void deletionProtectionBlocksDeleteUntilDisabled() {
        String name = createTable("Protected", b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S))
                .keySchema(hashKey("pk")).deletionProtectionEnabled(true));
        assertThat(ddb().describeTable(b -> b.tableName(name)).table().deletionProtectionEnabled()).isTrue();
        assertValidation(() -> ddb().deleteTable(b -> b.tableName(name)),
                "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        assertThat(ddb().describeTable(b -> b.tableName(name)).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        ddb().updateTable(b -> b.tableName(name).deletionProtectionEnabled(false));
        awaitActive(name);
        assertThat(ddb().deleteTable(b -> b.tableName(name)).tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
    }

    @Test
    void tagsAreAddedListedAndRemoved() {
        String name = createTable("Tagged", b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S))
                .keySchema(hashKey("pk")).tags(Tag.builder().key("team").value("media").build()));
        String arn = ddb().describeTable(b -> b.tableName(name)).table().tableArn();
        assertThat(ddb().listTagsOfResource(b -> b.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("team").value("media").build());
        ddb().tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("test").build(),
                Tag.builder().key("team").value("pipeline").build()));
        assertThat(ddb().listTagsOfResource(b -> b.resourceArn(arn)).tags()).containsExactlyInAnyOrder(
                Tag.builder().key("env").value("test").build(), Tag.builder().key("team").value("pipeline").build());
        ddb().untagResource(b -> b.resourceArn(arn).tagKeys("team"));
        assertThat(ddb().listTagsOfResource(b -> b.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("env").value("test").build());
    }

    @Test
    void tagsOfAMissingTableAreResourceNotFound() {
        String arn = ARN_PREFIX + "000000000000:table/" + uniqueName("Missing");
        // "ResourcArn" is DynamoDB's own spelling.
        assertError(() -> ddb().listTagsOfResource(b -> b.resourceArn(arn)), ResourceNotFoundException.class,
                "ResourceNotFoundException", "Requested resource not found: ResourcArn: " + arn + " not found");
    }

    @Test
    void continuousBackupsAreDescribedAndPointInTimeRecoveryCanBeEnabled() {
        String name = hashTable("Backups");
        var described = ddb().describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription();
        assertThat(described.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
        assertThat(described.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        var updated = ddb().updateContinuousBackups(b -> b.tableName(name)
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))).continuousBackupsDescription();
        assertThat(updated.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(ddb().describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
    }

    @Test
    void continuousBackupsOfAMissingTableIsTableNotFound() {
        String name = uniqueName("Missing");
        assertError(() -> ddb().describeContinuousBackups(b -> b.tableName(name)), TableNotFoundException.class,
                "TableNotFoundException", "Table not found: " + name);
    }

    @Test
    void keySchemaIsEchoedWithTypes() {
        String name = rangeTable("Echo", ScalarAttributeType.B);
        TableDescription d = ddb().describeTable(b -> b.tableName(name)).table();
        assertThat(d.keySchema()).extracting(k -> k.keyType()).containsExactly(KeyType.HASH, KeyType.RANGE);
        assertThat(d.attributeDefinitions()).contains(attr("sk", ScalarAttributeType.B));
    }
}
