package dev.mediapipeline.indexer;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.indexer.metrics.IndexMetrics;
import dev.mediapipeline.indexer.stream.IndexProcessors;
import dev.mediapipeline.indexer.stream.StreamConsumer;
import dev.mediapipeline.indexer.write.BatchApplier;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps table MediaTagIndex in step with the UserMedia stream: one item per (user, tag, media). Several
 * workers with the same application name (by default, all workers of one UserMedia table) share the
 * stream's shards through KCL leases.
 *
 * <pre>{@code
 * try (IndexerWorker indexer = new IndexerWorker(clients, registry)) {
 *     indexer.start();   // returns at once; the first records flow within seconds
 *     ...
 * }                      // hands the leases back after a checkpoint
 * }</pre>
 *
 * Meters: {@value IndexMetrics#APPLIED}, {@value IndexMetrics#PARKED}, {@value IndexMetrics#LAG} and
 * {@value IndexMetrics#MILLIS_BEHIND_LATEST}.
 */
public final class IndexerWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexerWorker.class);

    private final AwsClients clients;
    private final IndexerOptions options;
    private final IndexMetrics metrics;
    private final String applicationName;
    private final String workerId;
    private final ExecutorService writers;
    private volatile boolean stopping;
    private StreamConsumer consumer;

    public IndexerWorker(AwsClients clients, MeterRegistry registry) {
        this(clients, registry, IndexerOptions.defaults());
    }

    public IndexerWorker(AwsClients clients, MeterRegistry registry, IndexerOptions options) {
        this.clients = clients;
        this.options = options;
        this.metrics = new IndexMetrics(registry);
        this.applicationName = options.applicationNameFor(clients.config().mediaTable());
        this.workerId = hostName() + "-" + UUID.randomUUID();
        AtomicInteger threads = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(options.writeConcurrency(), r -> {
            Thread t = new Thread(r, "indexer-write-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts consuming in the background and returns.
     *
     * @throws IllegalStateException if the UserMedia table has no stream (not provisioned), or if called twice
     */
    public synchronized void start() {
        if (consumer != null) {
            throw new IllegalStateException("already started");
        }
        PipelineConfig config = clients.config();
        IndexProcessors processors = new IndexProcessors(BatchApplier.forPipeline(clients, options.retry(), writers),
                metrics, () -> stopping);
        consumer = StreamConsumer.create(clients, applicationName, workerId, options.pollIdle(),
                options.failoverTime(), options.shutdownTimeout(), processors);
        consumer.start();
        LOG.info("Indexer {} consuming the {} stream into {} (lease table {})", workerId, config.mediaTable(),
                config.tagIndexTable(), applicationName);
    }

    /** True from {@link #start()} until {@link #close()} or until KCL gave up. */
    public synchronized boolean isRunning() {
        return consumer != null && !stopping && consumer.isRunning();
    }

    /**
     * Stops taking records, lets each shard's processor checkpoint, and gives the leases back so another
     * worker can continue at once. Waits at most {@link IndexerOptions#shutdownTimeout()}.
     */
    @Override
    public synchronized void close() {
        stopping = true;
        if (consumer != null) {
            consumer.close();
        }
        writers.shutdownNow();
        try {
            writers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "indexer";
        }
    }
}
