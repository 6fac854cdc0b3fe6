package dev.mediapipeline.ingest.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/**
 * Deletes settled messages with DeleteMessageBatch: whatever settled while the previous batch was on its
 * way goes out together, up to ten, so under load one request replaces up to ten, and an idle worker's
 * single deletion is not held back. (The SDK's batch manager does this for the async client only, which
 * would bring a second HTTP stack into the worker.) A deletion that fails is logged, not retried: the
 * message is delivered again later and its event is then found already applied.
 */
final class DeleteBatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteBatcher.class);
    private static final int MAX_BATCH = 10;
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(5);

    private record Pending(String receipt, Runnable deleted) {
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile boolean open = true;

    DeleteBatcher(SqsClient sqs, String queueUrl, String threadName) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.sender = new Thread(this::sendLoop, threadName);
        sender.setDaemon(true);
    }

    void start() {
        sender.start();
    }

    /** Deletes the message soon; {@code deleted} runs once the request was answered, whatever the answer. */
    void delete(String receipt, Runnable deleted) {
        pending.add(new Pending(receipt, deleted));
    }

    private void sendLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (open || !pending.isEmpty()) {
            try {
                Pending first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                send(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void send(List<Pending> batch) {
        try {
            List<DeleteMessageBatchRequestEntry> entries = IntStream.range(0, batch.size())
                    .mapToObj(i -> DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                            .receiptHandle(batch.get(i).receipt()).build())
                    .toList();
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries)).failed().forEach(f -> LOG.warn(
                    "Could not delete a settled message ({}: {}); it will come back and be found applied",
                    f.code(), f.message()));
        } catch (RuntimeException e) {
            LOG.warn("Could not delete {} settled message(s) ({}); they will come back and be found applied",
                    batch.size(), e.toString());
        } finally {
            batch.forEach(p -> p.deleted().run());
        }
    }

    /** Sends what is pending, then stops; waits a few seconds at most for the last batch's answer. */
    @Override
    public void close() {
        open = false;
        try {
            sender.join(FLUSH_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
