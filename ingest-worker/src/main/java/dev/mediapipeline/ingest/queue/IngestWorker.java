package dev.mediapipeline.ingest.queue;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.ingest.handle.IngestMetrics;
import dev.mediapipeline.ingest.handle.IngestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Long-polls the ingest queue and handles messages with bounded parallelism. A message is deleted
 * only after its item is written (or it is dead-lettered); while work runs, a heartbeat keeps it
 * invisible; on close, the long poll under way is cut, work in flight gets a grace period and the rest is
 * released.
 */
public final class IngestWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);
    /** After the grace, how long interrupted work may take to give its messages back before close releases them. */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(2);
    /** How long close waits for the poller once its receive is cut: it may be waiting for room, at most 1 s. */
    private static final Duration POLLER_EXIT = Duration.ofSeconds(2);
    /** How long the poller waits for room for a whole batch before it takes what room there is. */
    private static final Duration RECEIVE_PATIENCE = Duration.ofMillis(50);

    private final IngestOptions options;
    private final QueueActions queue;
    private final LongPoll longPoll;
    private final DeleteBatcher deletions;
    private final MessageSettler settler;
    private final IngestObserver observer;
    private final InFlight inFlight;
    private final ExecutorService workers;
    private final ScheduledExecutorService heartbeat;
    private final Thread poller;
    private final AtomicBoolean running = new AtomicBoolean();

    public IngestWorker(AwsClients clients, MeterRegistry registry, IngestOptions options) {
        this(clients, registry, options, IngestObserver.NONE);
    }

    /** With an observer that follows single messages and failures, e.g. for an operator's page. */
    public IngestWorker(AwsClients clients, MeterRegistry registry, IngestOptions options, IngestObserver observer) {
        this(clients, clients.dynamoDb(), registry, options, observer);
    }

    /** With a DynamoDB client of one's own, e.g. one that injects faults the embedded stack cannot produce. */
    IngestWorker(AwsClients clients, DynamoDbClient dynamoDb, MeterRegistry registry, IngestOptions options,
                 IngestObserver observer) {
        this.options = options;
        this.observer = observer;
        this.settler = MessageSettler.forIngestQueue(clients, dynamoDb, new IngestMetrics(registry, observer),
                options.limits(), options.retryBackoff());
        this.queue = settler.queue();
        this.longPoll = new LongPoll(clients, queue.queueUrl());
        this.deletions = queue.deleteBatcher("ingest-delete");
        this.inFlight = new InFlight(options.maxInFlight());
        this.workers = Executors.newFixedThreadPool(options.parallelism(), named("ingest-worker"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(named("ingest-heartbeat"));
        this.poller = named("ingest-poller").newThread(this::pollLoop);
    }

    public void start() {
        running.set(true);
        deletions.start();
        poller.start();
        long period = options.visibilityTimeout().toMillis() / 3;
        heartbeat.scheduleAtFixedRate(this::extendVisibility, period, period, TimeUnit.MILLISECONDS);
        LOG.info("Ingest worker started: parallelism {}, at most {} messages in flight",
                options.parallelism(), options.maxInFlight());
    }

    public boolean isRunning() {
        return running.get() && poller.isAlive();
    }

    /** Messages held right now, for the ops endpoint. */
    public int inFlight() {
        return inFlight.size();
    }

    private void pollLoop() {
        while (running.get()) {
            try {
                int room = inFlight.awaitRoom(options.receiveBatch(), RECEIVE_PATIENCE, Duration.ofSeconds(1));
                if (room == 0) {
                    continue;
                }
                List<Message> messages = longPoll.receive(room, options.waitTime(), options.visibilityTimeout());
                inFlight.unused(room - messages.size());
                messages.forEach(m -> inFlight.add(m.receiptHandle()));
                messages.forEach(this::observeReceived);
                messages.forEach(this::dispatch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running.get()) {
                    return; // close() cut the long poll
                }
                LOG.warn("Receiving from the ingest queue failed, retrying: {}", e.toString());
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private void observeReceived(Message message) {
        String sent = message.attributesAsStrings().get("SentTimestamp");
        if (sent != null) {
            observer.received(Instant.ofEpochMilli(Long.parseLong(sent)));
        }
    }

    /** Hands a received message to a worker thread, or straight back to the queue once closing. */
    private void dispatch(Message message) {
        if (running.get()) {
            try {
                workers.execute(() -> handle(message));
                return;
            } catch (RejectedExecutionException closing) {
                // close() shut the pool between the check and the hand-over
            }
        }
        releaseNow(message.receiptHandle());
    }

    private void handle(Message message) {
        String receipt = message.receiptHandle();
        try {
            if (settler.settle(message, running.get())) {
                deletions.delete(receipt, () -> inFlight.finished(receipt));
            } else {
                inFlight.finished(receipt);
            }
        } catch (RuntimeException e) {
            if (running.get()) {
                // The queue itself failed us; the visibility timeout will hand the message out again.
                LOG.warn("Could not settle message {}: {}", message.messageId(), e.toString());
                inFlight.finished(receipt);
            }
            // Closing: the message stays held, and close() releases it at once.
        }
    }

    private void extendVisibility() {
        try {
            queue.extend(inFlight.receipts(), options.visibilityTimeout());
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat could not extend visibility: {}", e.toString());
        }
    }

    private void releaseNow(String receipt) {
        try {
            queue.release(receipt, Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.warn("Could not release a message: {}", e.toString());
        } finally {
            inFlight.finished(receipt);
        }
    }

    /**
     * Cuts the long poll under way, lets in-flight work finish within the grace period, interrupts what is
     * left and makes every message still held visible again at once, so another worker takes it without
     * waiting out the visibility timeout. Returns at once when idle, else within about the grace + 2 s.
     */
    @Override
    public void close() {
        if (!running.getAndSet(false)) {
            return;
        }
        long started = System.nanoTime();
        int held = inFlight.size();
        if (held > 0) {
            LOG.info("Ingest worker stopping: waiting up to {} s for {} message(s) in flight",
                    options.shutdownGrace().toSeconds(), held);
        }
        longPoll.close();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(options.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(INTERRUPT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            // What a receive brought back just before the cut is released by dispatch().
            poller.join(POLLER_EXIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deletions.close();
        heartbeat.shutdownNow();
        List<String> unfinished = inFlight.receipts();
        unfinished.forEach(this::releaseNow);
        LOG.info("Ingest worker stopped in {} ms; {} unfinished messages handed back",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), unfinished.size());
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + "-" + count.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
