package dev.mediapipeline.lambda;

import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.item.ItemAttributes;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.extract.testing.SampleCorpus;
import dev.mediapipeline.indexer.IndexerOptions;
import dev.mediapipeline.indexer.projection.IndexAttributes;
import dev.mediapipeline.ingest.handle.IngestMetrics;
import dev.mediapipeline.ingest.handle.IngestObserver;
import dev.mediapipeline.ingest.queue.IngestOptions;
import dev.mediapipeline.lambda.event.SqsMessages;
import dev.mediapipeline.lambda.local.SqsEventSource;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One test class's own bucket, queues and tables on the shared embedded stack, provisioned as
 * {@code media-pipeline provision} does (S3 notifies the ingest queue), with what the tests read back.
 */
final class LambdaStack implements AutoCloseable {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final Duration WAIT = Duration.ofSeconds(60);

    private final AwsClients clients;
    private final ExecutorService writers = Executors.newFixedThreadPool(4);
    private final IngestHandler ingest;
    private final IndexHandler index;

    private LambdaStack(AwsClients clients) {
        this.clients = clients;
        this.ingest = new IngestHandler(clients, new IngestMetrics(new SimpleMeterRegistry(), IngestObserver.NONE),
                IngestOptions.defaults());
        this.index = new IndexHandler(clients, IndexerOptions.defaults().retry(), writers);
    }

    static LambdaStack provision(String prefix) {
        String p = prefix + "-" + RUN;
        PipelineConfig d = PipelineConfig.defaults();
        AwsClients clients = new AwsClients(new PipelineConfig(Optional.of(SharedLocalAws.endpoint()),
                SharedLocalAws.REGION, p + "-media", p + "-ingest", p + "-ingest-dlq", p + "-index-dlq",
                p + "-" + d.mediaTable(), p + "-" + d.tagIndexTable(), p + "-" + d.tombstoneTable()));
        new Provisioner(clients).provision();
        return new LambdaStack(clients);
    }

    IngestHandler ingestHandler() {
        return ingest;
    }

    IndexHandler indexHandler() {
        return index;
    }

    /** The messages as an SQS event source mapping hands them to the function. */
    SQSEvent event(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> SqsMessages.toLambda(m, ingestQueueArn(), config().region()))
                .toList());
        return event;
    }

    @Override
    public void close() {
        writers.shutdownNow();
        clients.close();
    }

    AwsClients clients() {
        return clients;
    }

    PipelineConfig config() {
        return clients.config();
    }

    /** Uploads a corpus file under the key, with tags as x-amz-meta-tags; S3 notifies the ingest queue. */
    void upload(String key, String corpusSuffix, String... tags) {
        clients.s3().putObject(r -> r.bucket(config().bucket()).key(key).metadata(Map.of("tags", String.join(",", tags))),
                RequestBody.fromBytes(SampleCorpus.bytes(corpusSuffix)));
    }

    void delete(String key) {
        clients.s3().deleteObject(r -> r.bucket(config().bucket()).key(key));
    }

    /** Receives until {@code count} messages are held (invisible for a minute), as an event source mapping would. */
    List<Message> receive(String queueName, int count) {
        String url = url(queueName);
        List<Message> held = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            held.addAll(clients.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(60).messageSystemAttributeNamesWithStrings(SqsEventSource.SYSTEM_ATTRIBUTES)
                    .messageAttributeNames("All")).messages());
            return held.size() >= count;
        });
        return held;
    }

    /** Messages on the queue, visible or held. */
    int messages(String queueName) {
        return clients.sqs().getQueueAttributes(r -> r.queueUrl(url(queueName))
                .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings().values().stream().mapToInt(Integer::parseInt).sum();
    }

    String url(String queueName) {
        return clients.sqs().getQueueUrl(r -> r.queueName(queueName)).queueUrl();
    }

    String ingestQueueArn() {
        return clients.sqs().getQueueAttributes(r -> r.queueUrl(url(config().ingestQueue()))
                .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
    }

    Optional<Map<String, AttributeValue>> item(String user, String mediaId) {
        Map<String, AttributeValue> item = clients.dynamoDb().getItem(r -> r.tableName(config().mediaTable())
                .consistentRead(true).key(Map.of(ItemAttributes.USER_ID, AttributeValue.fromS(user),
                        ItemAttributes.MEDIA_ID, AttributeValue.fromS(mediaId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** The media ids under each tag of the user, as the tag index's live entries have them. */
    Map<String, Set<String>> tagIndex(String user) {
        Map<String, Set<String>> byTag = new HashMap<>();
        clients.dynamoDb().scanPaginator(r -> r.tableName(config().tagIndexTable()).consistentRead(true)).items()
                .stream()
                .filter(i -> i.get(IndexAttributes.USER_TAG).s().startsWith(user + "#"))
                .filter(i -> !i.containsKey(IndexAttributes.EXPIRES_AT))
                .forEach(i -> byTag.computeIfAbsent(i.get(IndexAttributes.TAG).s(), t -> new java.util.TreeSet<>())
                        .add(i.get(IndexAttributes.MEDIA_ID).s()));
        return byTag;
    }

    /** The media ids the user's item tags name, from UserMedia: what the tag index must come to. */
    Map<String, Set<String>> tagsOfItems(String user) {
        Map<String, Set<String>> byTag = new HashMap<>();
        clients.dynamoDb().queryPaginator(r -> r.tableName(config().mediaTable()).consistentRead(true)
                        .keyConditionExpression("UserId = :u").expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user))))
                .items().forEach(i -> {
                    AttributeValue tags = i.get(ItemAttributes.TAGS);
                    if (tags != null && tags.hasSs()) {
                        tags.ss().forEach(t -> byTag.computeIfAbsent(t, k -> new java.util.TreeSet<>())
                                .add(i.get(ItemAttributes.MEDIA_ID).s()));
                    }
                });
        return byTag;
    }

    String streamArn() {
        return StreamContents.streamArn(clients);
    }

    List<Record> streamRecords() {
        return StreamContents.records(clients);
    }

    static Set<String> ids(Map<String, Set<String>> byTag) {
        return byTag.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    }
}
