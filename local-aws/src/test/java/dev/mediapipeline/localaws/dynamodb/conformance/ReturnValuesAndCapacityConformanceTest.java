package dev.mediapipeline.localaws.dynamodb.conformance;

import static dev.mediapipeline.localaws.dynamodb.conformance.Ddb.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * ConsumedCapacity (1 KB write units, 4 KB read units, half for eventually consistent reads, index
 * writes counted separately under INDEXES) and ReturnItemCollectionMetrics.
 */
class ReturnValuesAndCapacityConformanceTest {

    private static String table;
    private static String indexed;

    @BeforeAll
    static void tables() {
        table = hashTable("Capacity");
        indexed = createTable("CapacityIdx", b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S),
                        attr("sk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S), attr("l", ScalarAttributeType.S))
                .keySchema(hashKey("pk"), rangeKey("sk"))
                .globalSecondaryIndexes(gsi("ByG", ProjectionType.ALL, hashKey("g")))
                .localSecondaryIndexes(lsi("ByL", ProjectionType.KEYS_ONLY, hashKey("pk"), rangeKey("l"))));
    }

    /** An item {pk, data} of exactly this many bytes by DynamoDB's count (names + values). */
    private static void putSized(String pk, int bytes) {
        int fixed = "pk".length() + pk.length() + "data".length();
        ddb().putItem(b -> b.tableName(table).item(item("pk", s(pk), "data", s(repeat('d', bytes - fixed)))));
    }

    private static ConsumedCapacity putCapacity(String pk, int bytes) {
        int fixed = "pk".length() + pk.length() + "data".length();
        return ddb().putItem(b -> b.tableName(table).item(item("pk", s(pk), "data", s(repeat('d', bytes - fixed))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    }

    @Test
    void writesCostOneUnitPerKilobyteRoundedUp() {
        ConsumedCapacity small = putCapacity("w-small", 100);
        assertThat(small.tableName()).isEqualTo(table);
        assertThat(small.capacityUnits()).isEqualTo(1.0);
        assertThat(putCapacity("w-1k", 1024).capacityUnits()).isEqualTo(1.0);
        assertThat(putCapacity("w-1k1", 1025).capacityUnits()).isEqualTo(2.0);
        assertThat(putCapacity("w-3k", 3000).capacityUnits()).isEqualTo(3.0);
    }

    @Test
    void overwritingALargerItemCostsTheLargerSize() {
        putSized("w-over", 5000);
        assertThat(putCapacity("w-over", 100).capacityUnits()).isEqualTo(5.0);
    }

    @Test
    void readsCostOneUnitPerFourKilobytesAndHalfWhenEventuallyConsistent() {
        putSized("r-small", 100);
        putSized("r-5k", 5000);
        assertThat(ddb().getItem(b -> b.tableName(table).key(item("pk", s("r-small"))).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(1.0);
        assertThat(ddb().getItem(b -> b.tableName(table).key(item("pk", s("r-small")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(ddb().getItem(b -> b.tableName(table).key(item("pk", s("r-5k"))).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(2.0);
        assertThat(ddb().getItem(b -> b.tableName(table).key(item("pk", s("r-5k")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(1.0);
        // A miss still costs the minimum.
        assertThat(ddb().getItem(b -> b.tableName(table).key(item("pk", s("r-none")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void deleteOfAMissingItemCostsOneUnit() {
        var r = ddb().deleteItem(b -> b.tableName(table).key(item("pk", s("d-none"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(r.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void aSingleReadReportsCapacityUnitsAlone() {
        // dynalite test/getItem.js, recorded against DynamoDB: no ReadCapacityUnits outside transactions.
        var indexes = ddb().getItem(b -> b.tableName(table).key(item("pk", s("absent-capacity")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(indexes.capacityUnits()).isEqualTo(0.5);
        assertThat(indexes.table().capacityUnits()).isEqualTo(0.5);
        assertThat(indexes.readCapacityUnits()).isNull();
        assertThat(indexes.table().readCapacityUnits()).isNull();
    }

    @Test
    void noneOrAbsentReturnsNoCapacity() {
        var r = ddb().putItem(b -> b.tableName(table).item(item("pk", s("none"))).returnConsumedCapacity(ReturnConsumedCapacity.NONE));
        assertThat(r.consumedCapacity()).isNull();
        assertThat(ddb().putItem(b -> b.tableName(table).item(item("pk", s("none")))).consumedCapacity()).isNull();
    }

    @Test
    void indexesBreaksTheWriteDownPerIndex() {
        var r = ddb().putItem(b -> b.tableName(indexed).item(item("pk", s("i1"), "sk", s("a"), "g", s("G"), "l", s("L")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        ConsumedCapacity c = r.consumedCapacity();
        assertThat(c.tableName()).isEqualTo(indexed);
        assertThat(c.capacityUnits()).isEqualTo(3.0);
        assertThat(c.table().capacityUnits()).isEqualTo(1.0);
        assertThat(c.globalSecondaryIndexes()).containsOnlyKeys("ByG");
        assertThat(c.globalSecondaryIndexes().get("ByG").capacityUnits()).isEqualTo(1.0);
        assertThat(c.localSecondaryIndexes()).containsOnlyKeys("ByL");
        assertThat(c.localSecondaryIndexes().get("ByL").capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void totalCountsIndexWritesWithoutTheBreakdown() {
        var r = ddb().putItem(b -> b.tableName(indexed).item(item("pk", s("i2"), "sk", s("a"), "g", s("G")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(r.consumedCapacity().capacityUnits()).isEqualTo(2.0);
        assertThat(r.consumedCapacity().table()).isNull();
        assertThat(r.consumedCapacity().hasGlobalSecondaryIndexes()).isFalse();
    }

    @Test
    void queryCostsTheSummedSizeInFourKilobyteUnits() {
        for (int i = 0; i < 3; i++) {
            int k = i;
            ddb().putItem(b -> b.tableName(indexed).item(item("pk", s("q"), "sk", s("s" + k), "data", s(repeat('q', 3000)))));
        }
        var r = ddb().query(b -> b.tableName(indexed).keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", s("q")))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        // ~9 KB read in one go: 3 units consistent.
        assertThat(r.consumedCapacity().capacityUnits()).isEqualTo(3.0);
        var eventual = ddb().query(b -> b.tableName(indexed).keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", s("q")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(eventual.consumedCapacity().capacityUnits()).isEqualTo(1.5);
    }

    @Test
    void itemCollectionMetricsOnATableWithALocalIndex() {
        var r = ddb().putItem(b -> b.tableName(indexed).item(item("pk", s("icm"), "sk", s("a")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertThat(r.itemCollectionMetrics()).as("ItemCollectionMetrics of a table with an LSI").isNotNull();
        assertThat(r.itemCollectionMetrics().itemCollectionKey()).isEqualTo(item("pk", s("icm")));
        assertThat(r.itemCollectionMetrics().sizeEstimateRangeGB()).hasSize(2);
        var none = ddb().putItem(b -> b.tableName(table).item(item("pk", s("icm")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        // No LSI, no item collection.
        assertThat(none.itemCollectionMetrics()).isNull();
    }

    @Test
    void updateReturnValuesAndCapacityTogether() {
        putSized("u-both", 100);
        var r = ddb().updateItem(b -> b.tableName(table).key(item("pk", s("u-both"))).updateExpression("SET x = :x")
                .expressionAttributeValues(item(":x", s("X"))).returnValues(ReturnValue.UPDATED_NEW)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(r.attributes()).isEqualTo(item("x", s("X")));
        assertThat(r.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void invalidReturnValueIsAConstraintViolation() {
        assertValidation(() -> ddb().putItem(b -> b.tableName(table).item(item("pk", s("x"))).returnValues("SOMETIMES")),
                "1 validation error detected: Value 'SOMETIMES' at 'returnValues' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
    }
}
