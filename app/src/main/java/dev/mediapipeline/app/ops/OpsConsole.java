package dev.mediapipeline.app.ops;

import dev.mediapipeline.app.ops.deadletter.DeadLetters;
import dev.mediapipeline.app.ops.queue.QueueProbe;
import dev.mediapipeline.app.ops.queue.QueueWatcher;
import dev.mediapipeline.app.ops.queue.WatchedQueue;
import dev.mediapipeline.app.ops.summary.OpsSummary;
import dev.mediapipeline.app.ops.summary.RecentFailures;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.ingest.handle.IngestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's side of a process: polls the queues every {@link OpsSummary#INTERVAL} into gauges and
 * the dashboard's history, collects the ingest worker's failures, and serves it all on the ops port.
 *
 * <pre>{@code
 * OpsConsole console = OpsConsole.start(clients, export.registry(), export.prometheus());
 * IngestWorker ingest = new IngestWorker(clients, export.registry(), options, console.ingestObserver());
 * OpsServer server = console.serve("127.0.0.1", 8080);
 * }</pre>
 */
public final class OpsConsole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsConsole.class);
    private static final int FAILURES_KEPT = 50;
    /** A poll is a few SQS calls on the same host; this only bounds a hung endpoint. */
    private static final Duration POLL_FINISH = Duration.ofSeconds(2);

    private final AwsClients clients;
    private final PrometheusMeterRegistry prometheus;
    private final QueueWatcher queues;
    private final RecentFailures failures = new RecentFailures(FAILURES_KEPT);
    private final OpsSummary summary;
    private final DeadLetters deadLetters;
    private final ScheduledExecutorService poller;

    private OpsConsole(AwsClients clients, MeterRegistry registry, PrometheusMeterRegistry prometheus) {
        PipelineConfig config = clients.config();
        Clock clock = Clock.systemUTC();
        QueueProbe probe = new QueueProbe(clients.sqs(), clock);
        this.clients = clients;
        this.prometheus = prometheus;
        this.queues = new QueueWatcher(probe, clock, WatchedQueue.of(config), registry);
        this.summary = new OpsSummary(prometheus, queues, failures, clock);
        this.deadLetters = new DeadLetters(clients.sqs(),
                probe.url(new WatchedQueue(WatchedQueue.DLQ, config.ingestDlq())),
                probe.url(new WatchedQueue(WatchedQueue.INGEST, config.ingestQueue())));
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ops-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts polling; meters are registered with {@code registry} (which may also export to CloudWatch) and
     * read back from {@code prometheus}, which must receive the same meters.
     */
    public static OpsConsole start(AwsClients clients, MeterRegistry registry, PrometheusMeterRegistry prometheus) {
        OpsConsole console = new OpsConsole(clients, registry, prometheus);
        long period = OpsSummary.INTERVAL.toMillis();
        console.poller.scheduleAtFixedRate(console::poll, 0, period, TimeUnit.MILLISECONDS);
        return console;
    }

    /** Hand this to the IngestWorker of the same process. */
    public IngestObserver ingestObserver() {
        return new IngestObserver() {
            @Override
            public void received(Instant sentAt) {
                queues.taken(sentAt);
            }

            @Override
            public void failedItem(String bucket, String key, String errorClass, String error, Instant at) {
                failures.add(new RecentFailures.Failure(at, key, errorClass, error, "item"));
            }
        };
    }

    public OpsServer serve(String host, int port) throws IOException {
        return OpsServer.start(host, port, prometheus, new Readiness(clients), summary, deadLetters);
    }

    private void poll() {
        try {
            queues.poll();
            summary.history().sample();
        } catch (RuntimeException e) {
            LOG.warn("Ops poll failed: {}", e.toString());
        }
    }

    /** Lets a poll under way finish: interrupted, it would log each queue it could not read as a warning. */
    @Override
    public void close() {
        poller.shutdown();
        try {
            if (!poller.awaitTermination(POLL_FINISH.toMillis(), TimeUnit.MILLISECONDS)) {
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            poller.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
