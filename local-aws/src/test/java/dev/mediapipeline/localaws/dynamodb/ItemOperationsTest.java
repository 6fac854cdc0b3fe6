package dev.mediapipeline.localaws.dynamodb;

import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.assertError;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.key;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.n;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class ItemOperationsTest {

    private static final DynamoDbClient DYNAMO = DynamoDbTesting.client(SharedLocalAws.endpoint());
    private static final String TABLE = DynamoDbTesting.tableName("Items");
    private static final String SORTED = DynamoDbTesting.tableName("SortedItems");

    @BeforeAll
    static void tables() {
        DynamoDbTesting.createTable(DYNAMO, TABLE, false);
        DynamoDbTesting.createTable(DYNAMO, SORTED, true);
    }

    @AfterAll
    static void close() {
        DYNAMO.close();
    }

    @Test
    void putGetAndDeleteAnItemWithItsOldValues() {
        Map<String, AttributeValue> item = Map.of("Pk", s("p1"), "N", n("1.50"), "L", AttributeValue.fromL(List.of(s("x"))));
        assertThat(DYNAMO.putItem(b -> b.tableName(TABLE).item(item).returnValues(ReturnValue.ALL_OLD)).attributes()).isEmpty();
        var replaced = DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", s("p1"), "N", n("2")))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        assertThat(replaced.get("N").n()).isEqualTo("1.5");
        assertThat(DYNAMO.getItem(b -> b.tableName(TABLE).key(key("p1"))).item()).isEqualTo(Map.of("Pk", s("p1"), "N", n("2")));
        assertThat(DYNAMO.deleteItem(b -> b.tableName(TABLE).key(key("p1")).returnValues(ReturnValue.ALL_OLD)).attributes())
                .containsEntry("N", n("2"));
        assertThat(DYNAMO.getItem(b -> b.tableName(TABLE).key(key("p1"))).hasItem()).isFalse();
    }

    @Test
    void keysMustMatchTheSchema() {
        assertError(() -> DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Other", s("x")))), DynamoDbException.class,
                "One or more parameter values were invalid: Missing the key Pk in the item");
        assertError(() -> DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", n("1")))), DynamoDbException.class,
                "One or more parameter values were invalid: Type mismatch for key Pk expected: S actual: N");
        assertError(() -> DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", s("")))), DynamoDbException.class,
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an "
                        + "empty string value. Key: Pk");
        assertError(() -> DYNAMO.getItem(b -> b.tableName(SORTED).key(key("a"))), DynamoDbException.class,
                "The provided key element does not match the schema");
        assertError(() -> DYNAMO.getItem(b -> b.tableName(TABLE).key(Map.of("Pk", n("1")))), DynamoDbException.class,
                "The provided key element does not match the schema");
        assertError(() -> DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", s("x".repeat(2049))))),
                DynamoDbException.class,
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        assertError(() -> DYNAMO.putItem(b -> b.tableName(SORTED).item(Map.of("Pk", s("a"), "Sk", s("x".repeat(1025))))),
                DynamoDbException.class, "One or more parameter values were invalid: Aggregated size of all range keys has "
                        + "exceeded the size limit of 1024 bytes");
        assertError(() -> DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", s("big"), "V", s("x".repeat(400 * 1024))))),
                DynamoDbException.class, "Item size has exceeded the maximum allowed size");
        assertError(() -> DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", s("a")))
                .returnValues(ReturnValue.ALL_NEW)), DynamoDbException.class, "ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void consumedCapacityIsCountedAsDynamoDbBillsIt() {
        Map<String, AttributeValue> item = new HashMap<>(key("cap"));
        item.put("V", s("x".repeat(1500)));
        var put = DYNAMO.putItem(b -> b.tableName(TABLE).item(item).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(put.consumedCapacity().capacityUnits()).isEqualTo(2.0);
        assertThat(put.consumedCapacity().tableName()).isEqualTo(TABLE);
        var eventual = DYNAMO.getItem(b -> b.tableName(TABLE).key(key("cap")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(eventual.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        var strong = DYNAMO.getItem(b -> b.tableName(TABLE).key(key("cap")).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertThat(strong.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        assertThat(strong.consumedCapacity().table().capacityUnits()).isEqualTo(1.0);
        var none = DYNAMO.getItem(b -> b.tableName(TABLE).key(key("cap")));
        assertThat(none.consumedCapacity()).isNull();
    }

    @Test
    void batchWritesAndReadsWithoutDuplicates() {
        List<WriteRequest> writes = List.of(
                WriteRequest.builder().putRequest(p -> p.item(Map.of("Pk", s("b1"), "V", n("1")))).build(),
                WriteRequest.builder().putRequest(p -> p.item(Map.of("Pk", s("b2"), "V", n("2")))).build(),
                WriteRequest.builder().deleteRequest(d -> d.key(key("b3"))).build());
        assertThat(DYNAMO.batchWriteItem(b -> b.requestItems(Map.of(TABLE, writes))).unprocessedItems()).isEmpty();
        var read = DYNAMO.batchGetItem(b -> b.requestItems(Map.of(TABLE,
                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                        .keys(key("b1"), key("b2"), key("b3")).build())));
        assertThat(read.responses().get(TABLE)).extracting(i -> i.get("V").n()).containsExactlyInAnyOrder("1", "2");
        assertThat(read.unprocessedKeys()).isEmpty();

        assertError(() -> DYNAMO.batchWriteItem(b -> b.requestItems(Map.of(TABLE, List.of(
                        WriteRequest.builder().putRequest(p -> p.item(key("d"))).build(),
                        WriteRequest.builder().deleteRequest(d -> d.key(key("d"))).build())))), DynamoDbException.class,
                "Provided list of item keys contains duplicates");
    }

    @Test
    void transactionsWriteEverythingOrRefuseDuplicates() {
        DYNAMO.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName(TABLE).item(Map.of("Pk", s("t1"), "V", n("1")))),
                t -> t.put(p -> p.tableName(SORTED).item(Map.of("Pk", s("t1"), "Sk", s("a")))),
                t -> t.delete(d -> d.tableName(TABLE).key(key("t2")))));
        assertThat(DYNAMO.getItem(b -> b.tableName(TABLE).key(key("t1"))).item()).containsEntry("V", n("1"));
        var got = DYNAMO.transactGetItems(b -> b.transactItems(t -> t.get(g -> g.tableName(TABLE).key(key("t1"))),
                t -> t.get(g -> g.tableName(TABLE).key(key("t2")))));
        assertThat(got.responses().get(0).item()).containsEntry("V", n("1"));
        assertThat(got.responses().get(1).hasItem()).isFalse();

        assertError(() -> DYNAMO.transactWriteItems(b -> b.transactItems(
                        t -> t.put(p -> p.tableName(TABLE).item(key("t3"))),
                        t -> t.delete(d -> d.tableName(TABLE).key(key("t3"))))), DynamoDbException.class,
                "Transaction request cannot include multiple operations on one item");
    }

    @Test
    void scanPagesByLimitAndSplitsIntoSegments() {
        String table = DynamoDbTesting.tableName("Scanned");
        DynamoDbTesting.createTable(DYNAMO, table, false);
        for (int i = 0; i < 10; i++) {
            String pk = "s" + i;
            DYNAMO.putItem(b -> b.tableName(table).item(key(pk)));
        }
        var first = DYNAMO.scan(b -> b.tableName(table).limit(4));
        assertThat(first.count()).isEqualTo(4);
        assertThat(first.lastEvaluatedKey()).isNotEmpty();
        var rest = DYNAMO.scan(b -> b.tableName(table).exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(rest.count()).isEqualTo(6);
        assertThat(rest.hasLastEvaluatedKey()).isFalse();

        int total = 0;
        for (int segment = 0; segment < 3; segment++) {
            int s = segment;
            total += DYNAMO.scan(b -> b.tableName(table).segment(s).totalSegments(3)).count();
        }
        assertThat(total).isEqualTo(10);
        assertError(() -> DYNAMO.scan(b -> b.tableName(table).segment(3).totalSegments(3)), DynamoDbException.class,
                "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is not "
                        + "less than TotalSegments: 3");
    }
}
