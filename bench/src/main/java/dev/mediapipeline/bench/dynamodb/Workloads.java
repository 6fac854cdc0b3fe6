package dev.mediapipeline.bench.dynamodb;

import static dev.mediapipeline.bench.dynamodb.BenchTables.PARTITION_ITEMS;
import static dev.mediapipeline.bench.dynamodb.BenchTables.PK;
import static dev.mediapipeline.bench.dynamodb.BenchTables.SEQ;

import dev.mediapipeline.bench.ClosedLoop;
import dev.mediapipeline.common.aws.AwsClients;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The operations measured, in the order they must run: GetItem reads what PutItem wrote, and GetRecords reads
 * the stream of everything written before it.
 */
final class Workloads {

    /** What a guarded write requires: nothing stored under the key, or an older sequence. */
    private static final String NEWER = "attribute_not_exists(" + PK + ") OR " + SEQ + " < :seq";

    /** One operation; {@code countsRecords} when its calls return stream records. */
    record Workload(String operation, boolean countsRecords, IntFunction<ClosedLoop.Operation> perThread) {
    }

    private final AwsClients clients;
    private final DynamoDbClient dynamoDb;
    private final BenchTables tables;
    private final AtomicLong put = new AtomicLong();
    private final AtomicLong transacted = new AtomicLong();

    Workloads(AwsClients clients, BenchTables tables) {
        this.clients = clients;
        this.dynamoDb = clients.dynamoDb();
        this.tables = tables;
    }

    List<Workload> all() {
        return List.of(
                new Workload("PutItem", false, thread -> i -> putItem()),
                new Workload("GetItem", false, thread -> i -> getItem()),
                new Workload("Query", false, thread -> this::query),
                new Workload("TransactWriteItems", false, thread -> i -> transactWriteItems()),
                new Workload("GetRecords", true, thread -> new StreamReader(clients.dynamoDbStreams(),
                        dynamoDb.describeTable(r -> r.tableName(tables.items())).table().latestStreamArn(), thread)));
    }

    /** A new key each time. */
    private long putItem() {
        long n = put.getAndIncrement();
        dynamoDb.putItem(r -> r.tableName(tables.items()).item(BenchTables.item("item-" + n, "0", n)));
        return 1;
    }

    /** Consistent read of a key PutItem wrote. */
    private long getItem() {
        long n = ThreadLocalRandom.current().nextLong(put.get());
        var got = dynamoDb.getItem(r -> r.tableName(tables.items()).key(BenchTables.key("item-" + n, "0"))
                .consistentRead(true));
        if (!got.hasItem() || got.item().isEmpty()) {
            throw new IllegalStateException("GetItem found nothing under item-" + n);
        }
        return 1;
    }

    /** One whole partition, in one page. */
    private long query(long index) {
        var page = dynamoDb.query(r -> r.tableName(tables.items()).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(BenchTables.queryPartition(index))))
                .limit(PARTITION_ITEMS));
        if (page.count() != PARTITION_ITEMS) {
            throw new IllegalStateException("Query returned " + page.count() + " items, not " + PARTITION_ITEMS);
        }
        return 1;
    }

    /** A guarded two-table write: a conditional Put of a new item and a ConditionCheck of its guard. */
    private long transactWriteItems() {
        long n = transacted.getAndIncrement();
        String pk = "txn-" + n;
        Map<String, AttributeValue> newer = Map.of(":seq", BenchTables.sequence(n));
        dynamoDb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(tables.items()).item(BenchTables.item(pk, "0", n))
                        .conditionExpression(NEWER).expressionAttributeValues(newer)).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(tables.guards())
                        .key(BenchTables.key(pk, "0")).conditionExpression(NEWER)
                        .expressionAttributeValues(newer)).build()));
        return 1;
    }
}
