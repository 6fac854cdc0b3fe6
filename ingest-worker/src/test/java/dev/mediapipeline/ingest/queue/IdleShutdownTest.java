package dev.mediapipeline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.ingest.handle.IngestObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Closing a worker that holds nothing cuts its long poll instead of waiting it out. On a queue of its own:
 * the queue may still hand a message to the cut poll, which then shows again after the visibility timeout.
 */
class IdleShutdownTest {

    private static PrivateStack stack;

    @BeforeAll
    static void start() {
        stack = PrivateStack.provision("idle-shutdown");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void closingAnIdleWorkerCutsItsTwentySecondLongPollInsteadOfWaitingItOut() {
        IngestOptions d = IngestOptions.defaults();
        IngestWorker worker = new IngestWorker(stack.clients(), new SimpleMeterRegistry(), new IngestOptions(2, 2,
                d.visibilityTimeout(), Duration.ofSeconds(20), d.shutdownGrace(), d.retryBackoff(), d.limits()),
                IngestObserver.NONE);
        worker.start();
        await().atMost(Duration.ofSeconds(10)).until(worker::isRunning);
        // into the long poll, which nothing will answer
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(worker::isRunning);

        long started = System.nanoTime();
        worker.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - started);

        // a few milliseconds on a quiet machine; the bound leaves room for a loaded one, far below the poll
        assertThat(closing).isLessThan(Duration.ofSeconds(2));
        assertThat(worker.isRunning()).isFalse();
    }
}
