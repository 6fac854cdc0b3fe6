package dev.mediapipeline.app.bench.pipeline;

import static dev.mediapipeline.common.item.ItemAttributes.FILE_SIZE;
import static dev.mediapipeline.common.item.ItemAttributes.MEDIA_ID;
import static dev.mediapipeline.common.item.ItemAttributes.S3_KEY;
import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;

import dev.mediapipeline.app.bench.report.Latencies;
import dev.mediapipeline.app.bench.report.ProcessCpu;
import dev.mediapipeline.common.aws.AwsClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
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

    record Result(int threads, long ops, Duration wall, Duration cpu, Latencies opLatencies) {

        double opsPerSecond() {
            return ops / (wall.toNanos() / 1e9);
        }
    }

    private RawCeiling() {
    }

    /**
     * Repeats passes over {@code items} (real UserMedia items; their S3Key names the object) until at least
     * {@code minimum} has passed, writing the items into a scratch table so that nothing downstream reacts.
     */
    static Result measure(AwsClients clients, List<Map<String, AttributeValue>> items, int threads, Duration minimum)
            throws InterruptedException {
        String table = "bench-ceiling-" + Long.toString(System.nanoTime(), 36);
        clients.dynamoDb().createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName(USER_ID).keyType(KeyType.HASH),
                        k -> k.attributeName(MEDIA_ID).keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName(USER_ID).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(MEDIA_ID).attributeType(ScalarAttributeType.S)));
        clients.dynamoDb().waiter().waitUntilTableExists(r -> r.tableName(table));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            String bucket = clients.config().bucket();
            AtomicLong next = new AtomicLong();
            long deadline = System.nanoTime() + minimum.toNanos();
            List<Future<List<Duration>>> futures = new ArrayList<>();
            long start = System.nanoTime();
            Duration cpuBefore = ProcessCpu.used();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    List<Duration> latencies = new ArrayList<>();
                    long i;
                    while ((i = next.getAndIncrement()) < items.size() || System.nanoTime() < deadline) {
                        Map<String, AttributeValue> item = items.get((int) (i % items.size()));
                        long size = Long.parseLong(item.get(FILE_SIZE).n());
                        long opStart = System.nanoTime();
                        if (size > 0) {
                            clients.s3().getObject(r -> r.bucket(bucket).key(item.get(S3_KEY).s())
                                    .range("bytes=0-" + (Math.min(FIRST_BLOCK, size) - 1)),
                                    ResponseTransformer.toBytes());
                        }
                        clients.dynamoDb().putItem(r -> r.tableName(table).item(item));
                        latencies.add(Duration.ofNanos(System.nanoTime() - opStart));
                    }
                    return latencies;
                }));
            }
            List<Duration> all = new ArrayList<>();
            for (Future<List<Duration>> f : futures) {
                all.addAll(f.get());
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            return new Result(threads, all.size(), wall, ProcessCpu.used().minus(cpuBefore),
                    Latencies.of(Collections.unmodifiableList(all)));
        } catch (ExecutionException e) {
            throw new IllegalStateException("raw ceiling loop failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            clients.dynamoDb().deleteTable(r -> r.tableName(table));
        }
    }
}
