package dev.mediapipeline.bench.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The benchmark's two scratch tables, keyed like UserMedia by a string hash and a string range: items, with
 * a stream of new and old images as UserMedia has, and guards, which transactions check (as the ingest worker
 * checked its tombstones before it wrote with one PutItem). Both are deleted on close.
 */
final class BenchTables implements AutoCloseable {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String SEQ = "seq";
    static final int QUERY_PARTITIONS = 8;
    static final int PARTITION_ITEMS = 20;
    /** Brings an item with its short keys and sequence to about 1 KB. */
    private static final String PAYLOAD = "0123456789abcdef".repeat(60);

    private final DynamoDbClient dynamoDb;
    private final String items;
    private final String guards;

    private BenchTables(DynamoDbClient dynamoDb, String prefix) {
        this.dynamoDb = dynamoDb;
        this.items = prefix + "-items";
        this.guards = prefix + "-guards";
    }

    /** Creates both tables and fills the partitions that Query reads. */
    static BenchTables create(DynamoDbClient dynamoDb) {
        BenchTables tables = new BenchTables(dynamoDb, "bench-dynamodb-" + Long.toString(System.nanoTime(), 36));
        dynamoDb.createTable(definition(tables.items).toBuilder().streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)).build());
        dynamoDb.createTable(definition(tables.guards));
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(tables.items));
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(tables.guards));
        for (int n = 0; n < QUERY_PARTITIONS * PARTITION_ITEMS; n++) {
            Map<String, AttributeValue> item = item(queryPartition(n / PARTITION_ITEMS),
                    "%02d".formatted(n % PARTITION_ITEMS), 0);
            dynamoDb.putItem(r -> r.tableName(tables.items).item(item));
        }
        return tables;
    }

    String items() {
        return items;
    }

    String guards() {
        return guards;
    }

    static String queryPartition(long n) {
        return "query-" + n % QUERY_PARTITIONS;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    /** About 1 KB: the key, a sequence number as transactions compare it, and a payload. */
    static Map<String, AttributeValue> item(String pk, String sk, long seq) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk),
                SEQ, sequence(seq), "payload", AttributeValue.fromS(PAYLOAD));
    }

    /** Zero-padded, so that string order is number order. */
    static AttributeValue sequence(long n) {
        return AttributeValue.fromS("%020d".formatted(n));
    }

    private static CreateTableRequest definition(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName(PK).keyType(KeyType.HASH),
                        k -> k.attributeName(SK).keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName(PK).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(SK).attributeType(ScalarAttributeType.S))
                .build();
    }

    @Override
    public void close() {
        dynamoDb.deleteTable(r -> r.tableName(items));
        dynamoDb.deleteTable(r -> r.tableName(guards));
    }
}
