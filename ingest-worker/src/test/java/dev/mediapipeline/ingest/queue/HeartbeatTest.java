package dev.mediapipeline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.testing.SampleCorpus;
import dev.mediapipeline.extract.testing.SlowMedia;
import dev.mediapipeline.ingest.handle.IngestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Work that outlives the visibility timeout: a message being processed, and messages waiting for a free
 * worker thread, stay invisible through the heartbeat, so nobody processes them twice. The visibility
 * timeout is set to a few seconds and the slow object is slow for real ({@link SlowMedia}): thousands of
 * ranged GETs, until the extraction time budget ends it.
 */
class HeartbeatTest {

    private static final Duration VISIBILITY = Duration.ofSeconds(3);
    /** Three visibility timeouts: without the heartbeat the message would be handed out again twice. */
    private static final Duration EXTRACTION_BUDGET = VISIBILITY.multipliedBy(3);
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static PrivateStack stack;
    private static SimpleMeterRegistry registry;
    private static IngestWorker worker;

    @BeforeAll
    static void start() {
        stack = PrivateStack.provision("heartbeat");
        registry = new SimpleMeterRegistry();
        // One thread, room for four: three JPEGs wait in flight behind the slow video.
        IngestOptions options = new IngestOptions(1, 4, VISIBILITY, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(1), new ExtractionLimits(64L << 20, EXTRACTION_BUDGET));
        worker = new IngestWorker(stack.clients(), registry, options, IngestObserver.NONE);
        worker.start();
    }

    @AfterAll
    static void stop() {
        worker.close();
        stack.close();
    }

    @Test
    void messagesHeldLongerThanTheVisibilityTimeoutAreProcessedExactlyOnce() {
        String user = "slow";
        stack.send(stack.putAndDescribe("users/" + user + "/slow.mp4", SlowMedia.manyTinyBoxes(1 << 20), "0A"));
        await().atMost(WAIT).until(() -> worker.inFlight() == 1);
        byte[] jpeg = SampleCorpus.bytes("Nikon D40.jpg");
        List<String> queued = List.of("a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg");
        queued.forEach(name -> stack.send(stack.putAndDescribe("users/" + user + "/" + name, jpeg, "0B")));

        // In-flight work is bounded: while the video blocks the only thread, the worker holds four messages
        // and leaves the other two on the queue for other workers.
        await().atMost(WAIT).until(() -> worker.inFlight() == 4 && "2".equals(visibleMessages()));

        Map<String, AttributeValue> slow = stack.awaitItem(user, "slow.mp4", WAIT);
        queued.forEach(name -> assertThat(stack.awaitItem(user, name, WAIT).get("Status").s()).isEqualTo("READY"));
        await().atMost(WAIT).until(stack::queueDrained);

        // The slow one really outlived the visibility timeout: it ran into its time budget.
        assertThat(slow.get("ErrorClass").s()).isEqualTo("timeout");
        Timer extraction = registry.get("media.ingest.extraction").timer();
        assertThat(extraction.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(EXTRACTION_BUDGET.toMillis());
        // Each object was extracted once and written once; nothing was handed out a second time.
        assertThat(extraction.count()).isEqualTo(6);
        assertThat(outcome("applied")).isEqualTo(6);
        assertThat(outcome("stale")).isZero();
        assertThat(outcome("retried")).isZero();
        assertThat(stack.deadLetters()).isEmpty();
    }

    private static String visibleMessages() {
        return stack.clients().sqs().getQueueAttributes(r -> r.queueUrl(stack.queueUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }

    private static double outcome(String name) {
        Counter c = registry.find("media.ingest.messages").tag("outcome", name).counter();
        return c == null ? 0 : c.count();
    }
}
