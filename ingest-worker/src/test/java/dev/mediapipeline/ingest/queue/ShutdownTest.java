package dev.mediapipeline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.testing.SlowMedia;
import dev.mediapipeline.ingest.handle.IngestObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Closing a worker that holds messages it cannot finish within the grace period: close returns in
 * bounded time, nothing half-done is written, and the messages are visible again at once instead of
 * after the visibility timeout, so another worker picks them up immediately.
 */
class ShutdownTest {

    private static final Duration VISIBILITY = Duration.ofSeconds(60);
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofSeconds(2);

    private static PrivateStack stack;

    @BeforeAll
    static void start() {
        stack = PrivateStack.provision("shutdown");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void closingReleasesUnfinishedMessagesAtOnceAndWritesNothingHalfDone() {
        IngestWorker worker = worker();
        worker.start();
        byte[] slow = SlowMedia.manyTinyBoxes(1 << 20);
        stack.send(stack.putAndDescribe("users/stopping/one.mp4", slow, "0A"));
        stack.send(stack.putAndDescribe("users/stopping/two.mp4", slow, "0A"));
        await().atMost(Duration.ofSeconds(60)).until(() -> worker.inFlight() == 2);

        long started = System.nanoTime();
        worker.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - started);

        // grace and the interrupted work's 2 s; far below the 60 s visibility
        assertThat(closing).isLessThan(GRACE.plus(POLL).plusSeconds(8));
        Set<String> visibleAgain = new HashSet<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (Message m : stack.clients().sqs().receiveMessage(r -> r.queueUrl(stack.queueUrl())
                    .maxNumberOfMessages(10).visibilityTimeout(1)).messages()) {
                visibleAgain.add(m.body().contains("one.mp4") ? "one" : "two");
            }
            return visibleAgain.size() == 2;
        });
        assertThat(stack.item("stopping", "one.mp4")).isEmpty();
        assertThat(stack.item("stopping", "two.mp4")).isEmpty();
        stack.clients().sqs().purgeQueue(r -> r.queueUrl(stack.queueUrl()));
    }

    private static IngestWorker worker() {
        IngestOptions options = new IngestOptions(2, 2, VISIBILITY, POLL, GRACE, Duration.ofSeconds(1),
                new ExtractionLimits(64L << 20, Duration.ofSeconds(60)));
        return new IngestWorker(stack.clients(), new SimpleMeterRegistry(), options, IngestObserver.NONE);
    }
}
