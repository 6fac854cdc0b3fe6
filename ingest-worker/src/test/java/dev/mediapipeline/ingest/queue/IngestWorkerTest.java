package dev.mediapipeline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.extract.testing.SampleCorpus;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Event semantics through the real worker and the embedded stack. Objects live in a bucket without
 * notifications, so each test decides exactly which events arrive, how often and in what order.
 */
class IngestWorkerTest {

    private static final String BUCKET = "hand-made-events";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static AwsClients clients;
    private static PipelineConfig config;
    private static IngestWorker worker;
    private static String queueUrl;
    private static String dlqUrl;

    @BeforeAll
    static void start() {
        config = PipelineConfig.defaults().withEndpoint(SharedLocalAws.endpoint());
        clients = new AwsClients(config);
        new Provisioner(clients).provision();
        clients.s3().createBucket(r -> r.bucket(BUCKET));
        queueUrl = clients.sqs().getQueueUrl(r -> r.queueName(config.ingestQueue())).queueUrl();
        dlqUrl = clients.sqs().getQueueUrl(r -> r.queueName(config.ingestDlq())).queueUrl();
        worker = new IngestWorker(clients, new SimpleMeterRegistry(), IngestOptions.defaults());
        worker.start();
    }

    @AfterAll
    static void stop() {
        worker.close();
        clients.close();
    }

    @Test
    void aDuplicatedEventWritesOnceAndLeavesProcessedAtAlone() throws Exception {
        String user = "dup-" + RUN;
        String event = putAndDescribe(user, "a.jpg", jpeg(), "00000000000000A0");

        send(event);
        Map<String, AttributeValue> first = awaitItem(user, "a.jpg");
        send(event);
        send(event);
        awaitQueueDrained();

        assertThat(item(user, "a.jpg").orElseThrow().get("ProcessedAt")).isEqualTo(first.get("ProcessedAt"));
    }

    @Test
    void aCreateReplayedAfterItsDeleteDoesNotBringTheItemBack() throws Exception {
        String user = "undead-" + RUN;
        String create = putAndDescribe(user, "b.jpg", jpeg(), "00000000000000B0");
        send(create);
        awaitItem(user, "b.jpg");

        send(S3Events.removed(BUCKET, "users/" + user + "/b.jpg", "00000000000000B1"));
        await().atMost(WAIT).until(() -> item(user, "b.jpg").isEmpty());
        send(create);
        awaitQueueDrained();

        assertThat(item(user, "b.jpg")).isEmpty();
    }

    @Test
    void anOlderEventArrivingLateIsIgnored() throws Exception {
        String user = "late-" + RUN;
        String newer = putAndDescribe(user, "c.jpg", jpeg(), "0000000000000C10");
        send(newer);
        Map<String, AttributeValue> written = awaitItem(user, "c.jpg");

        send(S3Events.removed(BUCKET, "users/" + user + "/c.jpg", "0000000000000C0F"));
        awaitQueueDrained();

        assertThat(item(user, "c.jpg").orElseThrow().get("Sequencer")).isEqualTo(written.get("Sequencer"));
    }

    @Test
    void anSnsWrappedEventIsProcessed() throws Exception {
        String user = "sns-" + RUN;
        send(S3Events.snsWrapped(putAndDescribe(user, "d.jpg", jpeg(), "00000000000000D0")));

        assertThat(awaitItem(user, "d.jpg").get("Type").s()).isEqualTo("image");
    }

    @Test
    void aCorruptFileBecomesAFailedItemAndTheWorkerGoesOn() throws Exception {
        String user = "corrupt-" + RUN;
        byte[] head = java.util.Arrays.copyOf(jpeg(), 300);
        send(putAndDescribe(user, "broken.jpg", head, "00000000000000E0"));
        send(putAndDescribe(user, "fine.jpg", jpeg(), "00000000000000E1"));

        Map<String, AttributeValue> broken = awaitItem(user, "broken.jpg");
        assertThat(broken.get("Status").s()).isEqualTo("FAILED");
        assertThat(broken.get("ErrorClass").s()).isEqualTo("corrupt");
        assertThat(broken.get("Type").s()).isEqualTo("image");
        assertThat(awaitItem(user, "fine.jpg").get("Status").s()).isEqualTo("READY");
        assertThat(worker.isRunning()).isTrue();
    }

    @Test
    void poisonGoesToTheDeadLetterQueueWithItsReasonButTheTestEventDoesNot() {
        String marker = "poison-" + RUN;
        send("{\"not\":\"an event\",\"marker\":\"" + marker + "\"}");
        send(S3Events.removed(BUCKET, "users/" + marker + "/../escape.jpg", "01"));
        send(S3Events.testEvent(marker));

        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters(marker))
                .extracting(m -> m.messageAttributes().get("ErrorClass").stringValue())
                .containsExactlyInAnyOrder("malformed-event", "invalid-key"));
        awaitQueueDrained();
        assertThat(deadLetters(marker)).hasSize(2)
                .allSatisfy(m -> assertThat(m.messageAttributes().get("Error").stringValue()).isNotBlank());
    }

    private static String putAndDescribe(String user, String name, byte[] bytes, String sequencer) {
        String key = "users/" + user + "/" + name;
        String eTag = clients.s3().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes)).eTag();
        return S3Events.created(BUCKET, key, bytes.length, eTag, sequencer);
    }

    private static byte[] jpeg() {
        return SampleCorpus.bytes("Nikon D40.jpg");
    }

    private static void send(String body) {
        clients.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }

    private static void awaitQueueDrained() {
        await().atMost(WAIT).until(() -> {
            Map<QueueAttributeName, String> a = clients.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return a.values().stream().allMatch("0"::equals);
        });
    }

    private static List<Message> deadLetters(String marker) {
        return clients.sqs().receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10).visibilityTimeout(0)
                        .messageAttributeNames("All")).messages().stream()
                .filter(m -> m.body().contains(marker)).toList();
    }

    private static Map<String, AttributeValue> awaitItem(String user, String mediaId) {
        return await().atMost(WAIT).until(() -> item(user, mediaId), Optional::isPresent).orElseThrow();
    }

    private static Optional<Map<String, AttributeValue>> item(String user, String mediaId) {
        Map<String, AttributeValue> found = clients.dynamoDb().getItem(r -> r.tableName(config.mediaTable())
                .key(Map.of("UserId", AttributeValue.fromS(user), "MediaId", AttributeValue.fromS(mediaId)))).item();
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }
}
