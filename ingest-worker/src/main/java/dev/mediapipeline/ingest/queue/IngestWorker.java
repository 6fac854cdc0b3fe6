package dev.mediapipeline.ingest.queue;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.ingest.handle.EventHandler;
import dev.mediapipeline.ingest.handle.IngestMetrics;
import dev.mediapipeline.ingest.write.MediaItemStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Long-polls the ingest queue and handles messages with bounded parallelism. A message is deleted
 * only after its item is written (or it is dead-lettered); while work runs, a heartbeat keeps it
 * invisible; on close, receiving stops, work in flight gets a grace period and the rest is released.
 */
public final class IngestWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final IngestOptions options;
    private final QueueActions queue;
    private final MessageProcessor processor;
    private final IngestMetrics metrics;
    private final InFlight inFlight;
    private final ExecutorService workers;
    private final ScheduledExecutorService heartbeat;
    private final Thread poller;
    private final AtomicBoolean running = new AtomicBoolean();

    public IngestWorker(AwsClients clients, MeterRegistry registry, IngestOptions options) {
        PipelineConfig config = clients.config();
        this.options = options;
        this.queue = new QueueActions(clients.sqs(),
                clients.sqs().getQueueUrl(r -> r.queueName(config.ingestQueue())).queueUrl(),
                clients.sqs().getQueueUrl(r -> r.queueName(config.ingestDlq())).queueUrl());
        this.metrics = new IngestMetrics(registry);
        this.processor = new MessageProcessor(new EventHandler(clients.s3(),
                new MediaItemStore(clients.dynamoDb(), config), options.limits(), metrics, Clock.systemUTC()),
                metrics);
        this.inFlight = new InFlight(options.maxInFlight());
        this.workers = Executors.newFixedThreadPool(options.parallelism(), named("ingest-worker"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(named("ingest-heartbeat"));
        this.poller = named("ingest-poller").newThread(this::pollLoop);
    }

    public void start() {
        running.set(true);
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
                int room = inFlight.awaitRoom(1, TimeUnit.SECONDS);
                if (room == 0) {
                    continue;
                }
                List<Message> messages = queue.receive(room, options.waitTime(), options.visibilityTimeout());
                inFlight.unused(room - messages.size());
                for (Message m : messages) {
                    inFlight.add(m.messageId(), m.receiptHandle());
                    if (running.get()) {
                        workers.execute(() -> handle(m));
                    } else {
                        releaseNow(m);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Receiving from the ingest queue failed, retrying: {}", e.toString());
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private void handle(Message message) {
        try {
            Disposition disposition = processor.process(message.body());
            if (disposition instanceof Disposition.DeadLetter dl) {
                LOG.warn("Dead-lettered message {}: {} {}", message.messageId(), dl.errorClass(), dl.error());
                queue.deadLetter(message, dl.errorClass(), dl.error());
                metrics.message("dead-lettered");
            } else if (disposition instanceof Disposition.Retry) {
                queue.release(message, backoff(message));
            } else {
                queue.delete(message);
            }
        } catch (RuntimeException e) {
            // The queue itself failed us; the visibility timeout will hand the message out again.
            LOG.warn("Could not settle message {}: {}", message.messageId(), e.toString());
        } finally {
            inFlight.finished(message.messageId());
        }
    }

    /** 2, 4, 8 ... seconds by delivery count, so a throttled table is not hammered. */
    private static Duration backoff(Message message) {
        int receives = Integer.parseInt(message.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "1"));
        long seconds = 1L << Math.min(receives, 6);
        return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    private void extendVisibility() {
        try {
            queue.extend(inFlight.snapshot(), options.visibilityTimeout());
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat could not extend visibility: {}", e.toString());
        }
    }

    private void releaseNow(Message message) {
        try {
            queue.release(message, Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.warn("Could not release message {}: {}", message.messageId(), e.toString());
        } finally {
            inFlight.finished(message.messageId());
        }
    }

    @Override
    public void close() {
        if (!running.getAndSet(false)) {
            return;
        }
        workers.shutdown();
        long deadline = System.nanoTime() + options.shutdownGrace().toNanos();
        try {
            if (!workers.awaitTermination(options.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
            poller.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeat.shutdownNow();
        inFlight.snapshot().forEach((id, receipt) -> releaseNow(Message.builder().messageId(id)
                .receiptHandle(receipt).build()));
        LOG.info("Ingest worker stopped");
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
