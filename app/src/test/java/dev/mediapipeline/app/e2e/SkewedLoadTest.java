package dev.mediapipeline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.indexer.IndexerWorker;
import dev.mediapipeline.indexer.count.TagCounts;
import dev.mediapipeline.indexer.projection.IndexAttributes;
import dev.mediapipeline.ingest.queue.IngestOptions;
import dev.mediapipeline.ingest.queue.IngestWorker;
import dev.mediapipeline.extract.testing.SampleCorpus;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The skewed load of docs/scaling.md on the embedded stack: one user uploads everything, every upload carries
 * the same tag, so every item lands in one UserMedia partition, every index entry in one MediaTagIndex
 * partition ({@code <user>#<tag>}) and every index write updates one of the tag's count items, concurrently. The
 * count is spread over all of them and sums exactly. Nothing may be lost, double-counted or parked: the records
 * that collide on a count item are retried until they land,
 * and so are the writes that the hot partition throttles (a test double: the embedded DynamoDB never throttles).
 */
class SkewedLoadTest {

    private static final int UPLOADS = 120;
    private static final int CLIENTS = 16;
    private static final String USER = "heavy";
    private static final String TAG = "hot";
    private static final Duration WAIT = Duration.ofMinutes(4);

    private static final HotKeyThrottle THROTTLE = new HotKeyThrottle(USER);

    private static AwsClients clients;
    private static AwsClients workerClients;
    private static IngestWorker ingest;
    private static IndexerWorker indexer;

    @BeforeAll
    static void startPipeline() {
        String p = "skew-" + Long.toString(System.currentTimeMillis(), 36);
        PipelineConfig d = PipelineConfig.defaults();
        PipelineConfig config = new PipelineConfig(Optional.of(SharedLocalAws.endpoint()), SharedLocalAws.REGION,
                p + "-media", p + "-ingest", p + "-ingest-dlq", p + "-index-dlq", p + "-" + d.mediaTable(),
                p + "-" + d.tagIndexTable(), p + "-" + d.tombstoneTable());
        clients = new AwsClients(config);
        workerClients = new AwsClients(config, List.of(THROTTLE));
        new Provisioner(clients).provision();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        indexer = new IndexerWorker(workerClients, registry);
        indexer.start();
        ingest = new IngestWorker(workerClients, registry, IngestOptions.defaults());
        ingest.start();
    }

    @AfterAll
    static void stopPipeline() {
        ingest.close();
        indexer.close();
        workerClients.close();
        clients.close();
    }

    @Test
    void oneUserWithOneTagOnEveryUploadLosesNothingAndCountsExactly_throttleFromATestDouble() throws Exception {
        Path png = SampleCorpus.file(".png");
        concurrently(i -> clients.s3().putObject(r -> r.bucket(clients.config().bucket()).key(key(i))
                .metadata(Map.of("tags", TAG)), RequestBody.fromFile(png)));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(count(clients.config().mediaTable(), "UserId", USER, null)).isEqualTo(UPLOADS);
            assertThat(liveEntries()).isEqualTo(UPLOADS);
            assertThat(tagCount()).contains((long) UPLOADS);
        });
        assertThat(count(clients.config().tagIndexTable(), IndexAttributes.USER_TAG, USER, null))
                .as("count items the hot tag's count is spread over").isEqualTo(TagCounts.SHARDS);

        concurrently(i -> clients.s3().deleteObject(r -> r.bucket(clients.config().bucket()).key(key(i))));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(count(clients.config().mediaTable(), "UserId", USER, null)).isZero();
            assertThat(liveEntries()).isZero();
            assertThat(tagCount()).contains(0L);
        });
        assertThat(THROTTLE.throttled()).as("writes the hot partition throttled").isGreaterThan(UPLOADS / 2);
        assertThat(waiting(clients.config().ingestDlq())).isZero();
        assertThat(waiting(clients.config().indexDlq())).isZero();
    }

    private static void concurrently(IntConsumer request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = IntStream.range(0, UPLOADS)
                    .mapToObj(i -> pool.submit(() -> request.accept(i))).<Future<?>>map(f -> f).toList();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String key(int i) {
        return "users/" + USER + "/" + String.format("%04d.png", i);
    }

    private static int liveEntries() {
        return count(clients.config().tagIndexTable(), IndexAttributes.USER_TAG, USER + "#" + TAG,
                IndexAttributes.LIVE_ONLY);
    }

    /** What {@code query --user heavy --tags} sums for the tag, empty before its first count. */
    private static Optional<Long> tagCount() {
        return Optional.ofNullable(TagCounts.read(clients.dynamoDb(), clients.config().tagIndexTable(), USER).get(TAG));
    }

    private static int count(String table, String hashKey, String value, String filter) {
        return clients.dynamoDb().queryPaginator(r -> r.tableName(table).select(Select.COUNT).consistentRead(true)
                        .filterExpression(filter).keyConditionExpression("#h = :h")
                        .expressionAttributeNames(Map.of("#h", hashKey))
                        .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(value))))
                .stream().mapToInt(page -> page.count()).sum();
    }

    private static int waiting(String queue) {
        String url = clients.sqs().getQueueUrl(r -> r.queueName(queue)).queueUrl();
        Map<QueueAttributeName, String> a = clients.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return a.values().stream().mapToInt(Integer::parseInt).sum();
    }
}
