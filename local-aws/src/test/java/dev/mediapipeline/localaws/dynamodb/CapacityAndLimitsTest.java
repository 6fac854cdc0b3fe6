package dev.mediapipeline.localaws.dynamodb;

import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.hash;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.range;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.s;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;

class CapacityAndLimitsTest {

    private static final DynamoDbClient DYNAMO = DynamoDbTesting.client(SharedLocalAws.endpoint());
    private static final String TABLE = DynamoDbTesting.tableName("Billed");

    /** Keyed by Pk and Sk, with a global index on G (ALL) and a local one on L (KEYS_ONLY). */
    @BeforeAll
    static void table() {
        DYNAMO.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("Pk"), string("Sk"), string("G"), string("L"))
                .keySchema(hash("Pk"), range("Sk"))
                .globalSecondaryIndexes(g -> g.indexName("ByG").keySchema(hash("G"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .localSecondaryIndexes(l -> l.indexName("ByL").keySchema(hash("Pk"), range("L"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    }

    @AfterAll
    static void close() {
        DYNAMO.close();
    }

    @Test
    void aWriteIsBilledOnTheTableAndOnEveryIndexItChanges() {
        var put = DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", s("w"), "Sk", s("1"), "G", s("g"), "L", s("l"),
                "Data", s("x".repeat(1500)))).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        var consumed = put.consumedCapacity();
        assertThat(consumed.table().capacityUnits()).isEqualTo(2.0);
        assertThat(consumed.globalSecondaryIndexes().get("ByG").capacityUnits()).isEqualTo(2.0);
        assertThat(consumed.localSecondaryIndexes().get("ByL").capacityUnits()).isEqualTo(1.0);
        assertThat(consumed.capacityUnits()).isEqualTo(5.0);
        assertThat(put.itemCollectionMetrics().itemCollectionKey()).isEqualTo(Map.of("Pk", s("w")));
        assertThat(put.itemCollectionMetrics().sizeEstimateRangeGB()).containsExactly(0.0, 1.0);

        var unchangedIndexes = DYNAMO.updateItem(b -> b.tableName(TABLE).key(Map.of("Pk", s("w"), "Sk", s("1")))
                .updateExpression("SET #d = :small").expressionAttributeNames(Map.of("#d", "Data")).expressionAttributeValues(Map.of(":small", s("x")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(unchangedIndexes.table().capacityUnits()).isEqualTo(2.0);
        assertThat(unchangedIndexes.globalSecondaryIndexes().get("ByG").capacityUnits()).isEqualTo(2.0);
        assertThat(unchangedIndexes.localSecondaryIndexes()).isNullOrEmpty();
    }

    @Test
    void aTransactionCostsTwiceItsWrites() {
        var consumed = DYNAMO.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                t -> t.put(p -> p.tableName(TABLE).item(Map.of("Pk", s("t"), "Sk", s("1")))),
                t -> t.put(p -> p.tableName(TABLE).item(Map.of("Pk", s("t"), "Sk", s("2")))))).consumedCapacity();
        assertThat(consumed).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(4.0));
    }

    @Test
    void aQueryStopsAfterOneMegabyteReadAndIsBilledByWhatItRead() {
        String big = "x".repeat(100 * 1024);
        for (int i = 0; i < 12; i++) {
            String sk = String.format("%02d", i);
            DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", s("big"), "Sk", s(sk), "Data", s(big))));
        }
        var first = DYNAMO.query(b -> b.tableName(TABLE).keyConditionExpression("Pk = :p")
                .expressionAttributeValues(Map.of(":p", s("big"))).select("COUNT")
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        // 11 items of 100 KB make the first read past 1 MB: the page ends with it.
        assertThat(first.scannedCount()).isEqualTo(11);
        assertThat(first.lastEvaluatedKey()).isEqualTo(Map.of("Pk", s("big"), "Sk", s("10")));
        long bytes = 11L * (2 + 3 + 2 + 2 + 4 + big.length());
        assertThat(first.consumedCapacity().capacityUnits()).isEqualTo(Math.ceil(bytes / 4096.0) / 2);
    }

    @Test
    void limitsAndEndpointsAreDescribed() {
        assertThat(DYNAMO.describeLimits().tableMaxReadCapacityUnits()).isEqualTo(40000L);
        assertThat(DYNAMO.describeEndpoints().endpoints()).singleElement()
                .satisfies(e -> assertThat(e.cachePeriodInMinutes()).isEqualTo(1440L));
    }
}
