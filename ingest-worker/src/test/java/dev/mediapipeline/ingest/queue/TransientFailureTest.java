package dev.mediapipeline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.testing.SampleCorpus;
import dev.mediapipeline.ingest.handle.IngestObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Transient failures: the message goes back to the queue with a backoff that doubles per delivery (not
 * after the whole visibility timeout), and when the queue's maxReceiveCount is reached the worker
 * dead-letters it with its reason instead of letting SQS move it silently. The embedded DynamoDB never throttles,
 * so the throttling comes from a test double in front of a real client ({@link ThrottlingDynamoDb}).
 */
class TransientFailureTest {

    private static final Duration BACKOFF = Duration.ofSeconds(1);
    private static final Duration VISIBILITY = Duration.ofSeconds(30);
    private static final int MAX_RECEIVES = 3;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static PrivateStack stack;
    private static ThrottlingDynamoDb faults;
    private static DynamoDbClient dynamoDb;
    private static IngestWorker worker;

    @BeforeAll
    static void start() {
        stack = PrivateStack.provision("transient");
        stack.maxReceiveCount(MAX_RECEIVES);
        faults = new ThrottlingDynamoDb();
        dynamoDb = ThrottlingDynamoDb.client(stack, faults);
        IngestOptions options = new IngestOptions(4, 8, VISIBILITY, Duration.ofSeconds(1), Duration.ofSeconds(5),
                BACKOFF, ExtractionLimits.defaults());
        worker = new IngestWorker(stack.clients(), dynamoDb, new SimpleMeterRegistry(), options,
                IngestObserver.NONE);
        worker.start();
    }

    @AfterAll
    static void stop() {
        worker.close();
        dynamoDb.close();
        stack.close();
    }

    @Test
    void aThrottledWriteIsRetriedWithGrowingBackoffAndLands_throttleFromATestDouble() {
        faults.throttle("throttled", 2);
        stack.send(stack.putAndDescribe("users/throttled/a.jpg", SampleCorpus.bytes("Nikon D40.jpg"), "0C"));

        assertThat(stack.awaitItem("throttled", "a.jpg", WAIT).get("Status").s()).isEqualTo("READY");
        List<Instant> attempts = faults.attempts("throttled");
        assertThat(attempts).hasSize(3);
        Duration first = Duration.between(attempts.get(0), attempts.get(1));
        Duration second = Duration.between(attempts.get(1), attempts.get(2));
        // 1 s, then 2 s: SQS counts visibility in whole seconds, the long poll adds a little.
        assertThat(first).isGreaterThanOrEqualTo(BACKOFF.minusMillis(100)).isLessThan(VISIBILITY);
        assertThat(second).isGreaterThanOrEqualTo(BACKOFF.multipliedBy(2).minusMillis(100)).isLessThan(VISIBILITY);
        await().atMost(WAIT).until(stack::queueDrained);
        assertThat(stack.deadLetters()).noneMatch(m -> m.body().contains("throttled"));
    }

    @Test
    void aWriteThrottledOnEveryDeliveryIsDeadLetteredWithItsReason_throttleFromATestDouble() {
        faults.throttle("hopeless", Integer.MAX_VALUE);
        stack.send(stack.putAndDescribe("users/hopeless/b.jpg", SampleCorpus.bytes("Nikon D40.jpg"), "0D"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(stack.deadLetters())
                .filteredOn(m -> m.body().contains("hopeless")).singleElement().satisfies(m -> {
                    assertThat(m.messageAttributes().get("ErrorClass").stringValue()).isEqualTo("retries-exhausted");
                    assertThat(m.messageAttributes().get("Error").stringValue())
                            .contains("ProvisionedThroughputExceededException");
                }));
        assertThat(faults.attempts("hopeless")).hasSize(MAX_RECEIVES);
        assertThat(stack.item("hopeless", "b.jpg")).isEmpty();
        await().atMost(WAIT).until(stack::queueDrained);
    }
}
