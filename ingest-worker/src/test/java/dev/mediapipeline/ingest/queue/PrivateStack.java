package dev.mediapipeline.ingest.queue;

import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.ingest.handle.IngestObserver;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One test class's own queues and tables on the shared embedded stack, and a bucket without
 * notifications, so the test alone decides which events arrive, how often and in what order.
 */
public final class PrivateStack implements AutoCloseable {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final AwsClients clients;
    private final String bucket;
    private final String queueUrl;
    private final String dlqUrl;
    private final Map<String, Message> deadLetters = new LinkedHashMap<>();

    private PrivateStack(AwsClients clients, String bucket) {
        this.clients = clients;
        this.bucket = bucket;
        this.queueUrl = clients.sqs().getQueueUrl(r -> r.queueName(clients.config().ingestQueue())).queueUrl();
        this.dlqUrl = clients.sqs().getQueueUrl(r -> r.queueName(clients.config().ingestDlq())).queueUrl();
    }

    /** Provisions resources named {@code <prefix>-<run>-...} and a quiet bucket beside them. */
    public static PrivateStack provision(String prefix) {
        String p = prefix + "-" + RUN;
        PipelineConfig d = PipelineConfig.defaults();
        PipelineConfig config = new PipelineConfig(Optional.of(SharedLocalAws.endpoint()), SharedLocalAws.REGION,
                p + "-media", p + "-ingest", p + "-ingest-dlq", p + "-index-dlq", p + "-" + d.mediaTable(),
                p + "-" + d.tagIndexTable(), p + "-" + d.tombstoneTable());
        AwsClients clients = new AwsClients(config);
        new Provisioner(clients).provision();
        String quiet = p + "-quiet";
        clients.s3().createBucket(r -> r.bucket(quiet));
        return new PrivateStack(clients, quiet);
    }

    public AwsClients clients() {
        return clients;
    }

    /** A real client of this stack's DynamoDB whose requests also pass the given interceptor. */
    public DynamoDbClient dynamoDbWith(ExecutionInterceptor interceptor) {
        var builder = clients.configure(DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(interceptor).build()).build();
    }

    /** A started worker on this stack's queue: default options, but a 1 s long poll so that it closes quickly. */
    public IngestWorker startWorker() {
        IngestOptions d = IngestOptions.defaults();
        IngestWorker worker = new IngestWorker(clients, new SimpleMeterRegistry(), new IngestOptions(d.parallelism(),
                d.maxInFlight(), d.visibilityTimeout(), Duration.ofSeconds(1), d.shutdownGrace(), d.retryBackoff(),
                d.limits()), IngestObserver.NONE);
        worker.start();
        return worker;
    }

    public PipelineConfig config() {
        return clients.config();
    }

    /** The bucket without notifications. */
    public String bucket() {
        return bucket;
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** Lowers the redrive policy's maxReceiveCount (5 when provisioned), so retries run out sooner. */
    public void maxReceiveCount(int count) {
        String dlqArn = clients.sqs().getQueueAttributes(r -> r.queueUrl(dlqUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        clients.sqs().setQueueAttributes(r -> r.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + count + "\"}")));
    }

    /** Stores the bytes under the key and returns the ObjectCreated:Put event S3 would have sent. */
    public String putAndDescribe(String key, byte[] bytes, String sequencer) {
        return putAndDescribe(key, bytes, sequencer, Map.of());
    }

    public String putAndDescribe(String key, byte[] bytes, String sequencer, Map<String, String> metadata) {
        String eTag = clients.s3().putObject(r -> r.bucket(bucket).key(key).metadata(metadata),
                RequestBody.fromBytes(bytes)).eTag();
        return S3Events.created(bucket, key, bytes.length, eTag, sequencer);
    }

    public void send(String body) {
        clients.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }

    public Optional<Map<String, AttributeValue>> item(String user, String mediaId) {
        Map<String, AttributeValue> found = clients.dynamoDb().getItem(r -> r.tableName(config().mediaTable())
                .consistentRead(true)
                .key(Map.of("UserId", AttributeValue.fromS(user), "MediaId", AttributeValue.fromS(mediaId)))).item();
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    public Map<String, AttributeValue> awaitItem(String user, String mediaId, Duration atMost) {
        return await().atMost(atMost).until(() -> item(user, mediaId), Optional::isPresent).orElseThrow();
    }

    /** Nothing visible and nothing in flight on the ingest queue. */
    public boolean queueDrained() {
        Map<QueueAttributeName, String> a = clients.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return a.values().stream().allMatch("0"::equals);
    }

    /**
     * Every message that reached the DLQ so far, with attributes. Each call hides what it reads for a
     * second, so that it gets past the first ten; the messages stay on the DLQ.
     */
    public synchronized List<Message> deadLetters() {
        while (true) {
            List<Message> batch = clients.sqs().receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(1).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                return List.copyOf(deadLetters.values());
            }
            batch.forEach(m -> deadLetters.putIfAbsent(m.messageId(), m));
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
