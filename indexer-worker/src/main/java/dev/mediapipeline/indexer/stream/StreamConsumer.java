package dev.mediapipeline.indexer.stream;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.StreamsSchedulerFactory;
import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import dev.mediapipeline.common.aws.AwsClients;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.common.StreamConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.Lease;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.leases.LeaseRefresher;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;

/**
 * A KCL scheduler on the UserMedia stream. Processes that share the application name share its shards
 * through the lease table; each shard is read by one of them at a time.
 *
 * <p>KCL's defaults favour large fleets and take one and a half to two and a half minutes before the first
 * record flows. The settings below bring that under twenty seconds; each says which wait it removes.
 */
public final class StreamConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamConsumer.class);

    /**
     * The lease assignment manager (on the elected leader) hands out unowned leases this often; the
     * default is twice the failover time.
     */
    private static final long LEASE_ASSIGNMENT_INTERVAL_MILLIS = 1_000;
    /**
     * Workers publish their metrics this often; the assignment manager only gives leases to workers it
     * has metrics for, so this bounds the wait for the first assignment (default 30 s). The price is one
     * small write per second per worker to the WorkerMetricStats table.
     */
    private static final long WORKER_METRICS_REPORT_MILLIS = 1_000;
    /**
     * The scheduler's loop that starts consumers for newly held leases (default 1 s). It also moves each
     * shard consumer one step through its shutdown, which takes some six steps, so a graceful shutdown
     * lasts about six of these. The loop itself only looks at what this worker holds in memory.
     */
    private static final long DISPATCH_POLL_MILLIS = 50;
    /** A shard's consumer waits this long between checks whether its parent shard is done (default 10 s). */
    private static final long PARENT_SHARD_POLL_MILLIS = 1_000;
    private static final long ACTIVE_POLL_MILLIS = 100;
    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(60);

    private final Scheduler scheduler;
    private final StreamConfig streamConfig;
    private final List<AutoCloseable> ownedClients;
    private final Duration shutdownTimeout;
    private final String workerId;
    private final CrashedLeader crashedLeader;
    private volatile Thread thread;

    private StreamConsumer(Scheduler scheduler, String workerId, CrashedLeader crashedLeader,
            List<AutoCloseable> ownedClients, Duration shutdownTimeout) {
        this.scheduler = scheduler;
        this.workerId = workerId;
        this.crashedLeader = crashedLeader;
        this.streamConfig = scheduler.currentStreamConfigMap().values().iterator().next();
        this.ownedClients = ownedClients;
        this.shutdownTimeout = shutdownTimeout;
    }

    /**
     * @param applicationName KCL application and lease table name
     * @param workerId unique per process
     */
    public static StreamConsumer create(AwsClients clients, String applicationName, String workerId,
            Duration pollIdle, Duration failoverTime, Duration shutdownTimeout,
            ShardRecordProcessorFactory processors) {
        String streamArn = clients.dynamoDb().describeTable(r -> r.tableName(clients.config().mediaTable()))
                .table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("table " + clients.config().mediaTable()
                    + " has no stream: provision it first");
        }
        Region region = Region.of(clients.config().region());
        DynamoDbStreamsClient streams = clients.configure(DynamoDbStreamsClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder())).build();
        // The SDK shuts an event loop group it made itself down only after a 2 s quiet period, even when idle;
        // this one is shut down at once, after the clients that use it are closed.
        EventLoopGroup eventLoops = new NioEventLoopGroup(0, new DefaultThreadFactory("indexer-netty", true));
        SdkAsyncHttpClient asyncHttp = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(SdkEventLoopGroup.create(eventLoops)).build();
        DynamoDbAsyncClient dynamoDb = clients.configure(DynamoDbAsyncClient.builder().httpClient(asyncHttp)).build();
        // KCL insists on a CloudWatch client even with metrics off; it is never called then.
        CloudWatchAsyncClient cloudWatch = clients.configure(CloudWatchAsyncClient.builder().httpClient(asyncHttp))
                .build();
        AmazonDynamoDBStreamsAdapterClient adapter = new AmazonDynamoDBStreamsAdapterClient(streams, region);

        // TRIM_HORIZON: changes made before the first indexer ever started are indexed too.
        InitialPositionInStreamExtended position =
                InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON);
        ConfigsBuilder configs = new ConfigsBuilder(
                StreamsSchedulerFactory.createSingleStreamTracker(streamArn, position),
                applicationName, adapter, dynamoDb, cloudWatch, workerId, processors);

        LeaseManagementConfig leases = configs.leaseManagementConfig()
                .failoverTimeMillis(failoverTime.toMillis())
                .leaseAssignmentIntervalMillis(LEASE_ASSIGNMENT_INTERVAL_MILLIS)
                // a shard sync task otherwise idles 60 s after its work, holding up whoever called it
                .shardSyncIntervalMillis(0)
                // the adapter does no hole tracking and says so in a warning unless this is 0
                .leasesRecoveryAuditorInconsistencyConfidenceThreshold(0);
        leases.workerUtilizationAwareAssignmentConfig()
                .workerMetricsReporterFreqInMillis(WORKER_METRICS_REPORT_MILLIS);

        Scheduler scheduler = StreamsSchedulerFactory.createScheduler(
                configs.checkpointConfig(),
                configs.coordinatorConfig()
                        .skipShardSyncAtWorkerInitializationIfLeasesExist(true)
                        .shardConsumerDispatchPollIntervalMillis(DISPATCH_POLL_MILLIS)
                        .parentShardPollIntervalMillis(PARENT_SHARD_POLL_MILLIS),
                leases,
                configs.lifecycleConfig(),
                configs.metricsConfig().metricsLevel(MetricsLevel.NONE),
                configs.processorConfig().callProcessRecordsEvenForEmptyRecordList(true),
                configs.retrievalConfig().retrievalSpecificConfig(
                        new DynamoDBStreamsPollingConfig(adapter).idleTimeBetweenReadsInMillis(pollIdle.toMillis())),
                adapter);
        CrashedLeader crashedLeader = new CrashedLeader(clients.dynamoDb(), workerId,
                configs.coordinatorConfig().coordinatorStateTableConfig().tableName(),
                leases.workerUtilizationAwareAssignmentConfig().workerMetricsTableConfig().tableName(), failoverTime);
        return new StreamConsumer(scheduler, workerId, crashedLeader,
                List.of(crashedLeader, adapter, streams, dynamoDb, cloudWatch, asyncHttp,
                        () -> eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly()),
                shutdownTimeout);
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(this::run, "indexer-kcl-scheduler");
        thread.setDaemon(true);
        thread.start();
        crashedLeader.start();
    }

    private void run() {
        try {
            createFirstLeases();
        } catch (Exception e) {
            // KCL's own initialisation tries again and reports what is wrong
            LOG.warn("Could not prepare the lease table, leaving it to KCL: {}", e.toString());
        }
        scheduler.run();
    }

    /**
     * Three first-start waits of KCL, done here faster with KCL's own calls. On an empty lease table KCL
     * waits a random 1–30 s before its first shard sync, so that a fleet starting together does not race;
     * lease creation is conditional, so processes syncing at the same time still create each lease once.
     * And it polls a new lease table, then the table's owner index, every 1 and 10 s until active; here
     * both are polled every {@value #ACTIVE_POLL_MILLIS} ms.
     */
    private void createFirstLeases() throws Exception {
        LeaseRefresher refresher = scheduler.leaseRefresher();
        refresher.createLeaseTableIfNotExists();
        awaitActive(refresher::leaseTableExists);
        // returns at once now; it also runs KCL's post-creation actions for a table made just now
        refresher.waitUntilLeaseTableExists(1, ACTIVE_TIMEOUT.toSeconds());
        refresher.createLeaseOwnerToLeaseKeyIndexIfNotExists();
        awaitActive(refresher::isLeaseOwnerToLeaseKeyIndexActive);
        if (refresher.isLeaseTableEmpty()) {
            scheduler.shardSyncTaskManagerProvider().apply(streamConfig).callShardSyncTask();
        }
    }

    private static void awaitActive(Callable<Boolean> active) throws Exception {
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        while (!active.call()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("lease table not active after " + ACTIVE_TIMEOUT);
            }
            Thread.sleep(ACTIVE_POLL_MILLIS);
        }
    }

    /**
     * KCL's graceful shutdown checkpoints but leaves this worker named as owner, so the next worker (or
     * this one restarted) would wait a failover time for the leases to expire. Clearing the owner lets the
     * lease assignment hand them out at once; a lease that changed meanwhile is left alone.
     */
    private void releaseLeases() {
        try {
            LeaseRefresher refresher = scheduler.leaseRefresher();
            for (Lease lease : refresher.listLeases()) {
                if (workerId.equals(lease.leaseOwner())) {
                    refresher.evictLease(lease);
                }
            }
        } catch (Exception e) {
            LOG.info("Leases not released ({}); they expire after the failover time", e.toString());
        }
    }

    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive() && !scheduler.shutdownComplete() && !scheduler.hasGracefulShutdownStarted();
    }

    /** Hands the leases back after the processors checkpointed, waiting at most the shutdown timeout. */
    @Override
    public synchronized void close() {
        Thread t = thread;
        if (t != null && t.isAlive() && !scheduler.hasGracefulShutdownStarted()) {
            int shards = scheduler.shardInfoShardConsumerMap().size();
            if (shards > 0) {
                LOG.info("Indexer stopping: {} shard(s) finish their batch and checkpoint (at most {} s)", shards,
                        shutdownTimeout.toSeconds());
            }
            CompletableFuture<Boolean> done = scheduler.startGracefulShutdown();
            try {
                if (done.get(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    releaseLeases();
                }
            } catch (TimeoutException | ExecutionException e) {
                LOG.warn("Graceful shutdown of the stream consumer did not finish ({}); stopping it", e.toString());
                scheduler.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                scheduler.shutdown();
            }
        }
        for (AutoCloseable c : ownedClients) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing at shutdown: nothing left to do with a failure
            }
        }
    }
}
