package dev.mediapipeline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Deletions against the embedded SQS, counted by a client that watches its own requests: settled messages
 * leave the queue in batches of up to ten, and a deletion SQS refuses neither loses the others of its batch
 * nor leaves its caller waiting.
 */
class DeleteBatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static PrivateStack stack;
    private static SqsClient sqs;
    private static final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        stack = PrivateStack.provision("deletes");
        ExecutionInterceptor countBatches = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof DeleteMessageBatchRequest batch) {
                    batchSizes.add(batch.entries().size());
                }
            }
        };
        var builder = stack.clients().configure(SqsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        sqs = builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(countBatches).build()).build();
        // Provisioning the bucket's notifications queued an s3:TestEvent
        sqs.purgeQueue(r -> r.queueUrl(stack.queueUrl()));
    }

    @AfterAll
    static void stop() {
        sqs.close();
        stack.close();
    }

    @Test
    void twentyFiveSettledMessagesLeaveTheQueueInThreeRequests() {
        List<Message> held = receive(25);
        AtomicInteger answered = new AtomicInteger();
        batchSizes.clear();

        try (DeleteBatcher deletions = new DeleteBatcher(sqs, stack.queueUrl(), "test-delete")) {
            held.forEach(m -> deletions.delete(m.receiptHandle(), answered::incrementAndGet));
            deletions.start();
            await().atMost(WAIT).until(() -> answered.get() == 25);
        }

        assertThat(batchSizes).containsExactly(10, 10, 5);
        assertThat(stack.queueDrained()).isTrue();
    }

    @Test
    void aRefusedDeletionDoesNotKeepTheRestOfItsBatchOrItsCallerWaiting() {
        List<Message> held = receive(3);
        AtomicInteger answered = new AtomicInteger();

        try (DeleteBatcher deletions = new DeleteBatcher(sqs, stack.queueUrl(), "test-delete")) {
            deletions.delete("not-a-receipt-handle", answered::incrementAndGet);
            held.forEach(m -> deletions.delete(m.receiptHandle(), answered::incrementAndGet));
            deletions.start();
            await().atMost(WAIT).until(() -> answered.get() == 4);
        }

        assertThat(stack.queueDrained()).isTrue();
    }

    @Test
    void closingSendsWhatIsStillPending() {
        List<Message> held = receive(12);
        AtomicInteger answered = new AtomicInteger();

        DeleteBatcher deletions = new DeleteBatcher(sqs, stack.queueUrl(), "test-delete");
        deletions.start();
        held.forEach(m -> deletions.delete(m.receiptHandle(), answered::incrementAndGet));
        deletions.close();

        assertThat(answered).hasValue(12);
        assertThat(stack.queueDrained()).isTrue();
    }

    /** Sends {@code count} messages and receives them all, holding them for a minute. */
    private static List<Message> receive(int count) {
        IntStream.range(0, count).forEach(i -> stack.send("{\"message\":" + i + "}"));
        List<Message> held = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            held.addAll(sqs.receiveMessage(r -> r.queueUrl(stack.queueUrl()).maxNumberOfMessages(10)
                    .visibilityTimeout(60).waitTimeSeconds(1)).messages());
            return held.size() == count;
        });
        return held;
    }
}
