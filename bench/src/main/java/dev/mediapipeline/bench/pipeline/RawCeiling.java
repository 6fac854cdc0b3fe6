package dev.mediapipeline.bench.pipeline;

import static dev.mediapipeline.common.item.ItemAttributes.FILE_SIZE;
import static dev.mediapipeline.common.item.ItemAttributes.MEDIA_ID;
import static dev.mediapipeline.common.item.ItemAttributes.S3_KEY;
import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;

import dev.mediapipeline.bench.ClosedLoop;
import dev.mediapipeline.common.aws.AwsClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What the same clients and the same stack do with nothing but the essential work of an upload: one ranged
 * GET of the object's first block and one PutItem of its item, in a closed loop on as many threads as the
 * worker has. The pipeline's throughput is judged against this.
 */
final class RawCeiling {

    /** The worker's block size: what it fetches first of every object. */
    static final int FIRST_BLOCK = 64 * 1024;

    private RawCeiling() {
    }

    /**
     * Repeats passes over {@code items} (real UserMedia items; their S3Key names the object) until at least
     * {@code minimum} has passed, writing the items into a scratch table so that nothing downstream reacts.
     */
    static ClosedLoop.Result measure(AwsClients clients, List<Map<String, AttributeValue>> items, int threads,
                                     Duration minimum) throws InterruptedException {
        String table = "bench-ceiling-" + Long.toString(System.nanoTime(), 36);
        clients.dynamoDb().createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName(USER_ID).keyType(KeyType.HASH),
                        k -> k.attributeName(MEDIA_ID).keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName(USER_ID).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(MEDIA_ID).attributeType(ScalarAttributeType.S)));
        clients.dynamoDb().waiter().waitUntilTableExists(r -> r.tableName(table));
        try {
            String bucket = clients.config().bucket();
            return ClosedLoop.run(threads, minimum, items.size(), thread -> i -> {
                Map<String, AttributeValue> item = items.get((int) (i % items.size()));
                long size = Long.parseLong(item.get(FILE_SIZE).n());
                if (size > 0) {
                    clients.s3().getObject(r -> r.bucket(bucket).key(item.get(S3_KEY).s())
                            .range("bytes=0-" + (Math.min(FIRST_BLOCK, size) - 1)), ResponseTransformer.toBytes());
                }
                clients.dynamoDb().putItem(r -> r.tableName(table).item(item));
                return 1;
            });
        } finally {
            clients.dynamoDb().deleteTable(r -> r.tableName(table));
        }
    }
}
