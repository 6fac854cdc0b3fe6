package dev.mediapipeline.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Stopping the stack while a client waits in a long poll, as the ingest worker does all day. */
class StopTest {

    /** ElasticMQ's own stop waited out the 20 s poll; generous for a loaded machine. */
    private static final Duration PROMPT_STOP = Duration.ofSeconds(10);

    @Test
    void closingDoesNotWaitOutALongPollInFlight() {
        LocalAws aws = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort());
        try (TestClients clients = new TestClients(aws.endpoint())) {
            String queueUrl = clients.sqs.createQueue(b -> b.queueName("polled")).queueUrl();
            CompletableFuture<?> poll = CompletableFuture.runAsync(
                    () -> clients.sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(20)));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !poll.isDone());

            long started = System.nanoTime();
            aws.close();
            Duration closing = Duration.ofNanos(System.nanoTime() - started);

            assertThat(closing).isLessThan(PROMPT_STOP);
        }
    }
}
