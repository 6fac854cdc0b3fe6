package dev.mediapipeline.bench.pipeline;

import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;

import dev.mediapipeline.bench.BenchCommand;
import dev.mediapipeline.bench.BenchInputs;
import dev.mediapipeline.bench.ClosedLoop;
import dev.mediapipeline.bench.OutputOptions;
import dev.mediapipeline.bench.billing.Bill;
import dev.mediapipeline.bench.billing.Prices;
import dev.mediapipeline.bench.billing.RequestMeter;
import dev.mediapipeline.bench.billing.Usage;
import dev.mediapipeline.bench.report.Machine;
import dev.mediapipeline.bench.report.ProcessCpu;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.indexer.IndexerWorker;
import dev.mediapipeline.ingest.queue.IngestOptions;
import dev.mediapipeline.ingest.queue.IngestWorker;
import dev.mediapipeline.localaws.LocalAws;
import dev.mediapipeline.localaws.LocalAwsOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Upload-to-item and upload-to-tag-index latency at a fixed upload rate, and throughput "
                + "against a raw ceiling (ranged GET + PutItem with the same clients), on an in-memory embedded "
                + "stack with both workers in this process.")
public final class PipelineBenchCommand implements Callable<Integer> {

    private static final int UPLOAD_THREADS = 16;
    private static final Duration COLD_START = Duration.ofMinutes(5);
    /** The backlog's throughput comes from ProcessedAt: polling it less leaves the worker more of the machine. */
    private static final Duration BACKLOG_POLL = Duration.ofMillis(250);
    /** The warm-up worker's long poll: short, so that the poll its close leaves behind ends soon. */
    private static final Duration WARMUP_POLL = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR",
            description = "Files uploaded, cycled. Default: the sample corpus (-Dcorpus.dir, else testdata/corpus); "
                    + "for a larger set, pass its folder of files.")
    List<Path> inputs;

    @Option(names = "--uploads", paramLabel = "N", defaultValue = "600",
            description = "Uploads of the latency phase. Default: ${DEFAULT-VALUE}.")
    int uploads;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "20",
            description = "Uploads per second in the latency phase (open loop). Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--backlog", paramLabel = "N", defaultValue = "300",
            description = "Objects queued before the worker starts, for the throughput phase. "
                    + "Default: ${DEFAULT-VALUE}.")
    int backlog;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "40",
            description = "Uploads that warm up JIT, connections and the indexer's leases first. "
                    + "Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--ceiling-seconds", paramLabel = "S", defaultValue = "10",
            description = "Least duration of the raw-ceiling loop. Default: ${DEFAULT-VALUE}.")
    int ceilingSeconds;

    @Option(names = "--poll-ms", paramLabel = "MS", defaultValue = "50",
            description = "How often the tables are polled for new items and index entries. Default: ${DEFAULT-VALUE}.")
    int pollMillis;

    @Option(names = "--prices", paramLabel = "FILE", defaultValue = "docs/aws-prices.md",
            description = "The AWS price list the billing table uses. Default: ${DEFAULT-VALUE}.")
    Path pricesFile;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Ingest worker parallelism, also the raw ceiling's threads. Default: the worker's default.")
    Integer parallelism;

    private static IngestOptions shortPolls(IngestOptions options) {
        return new IngestOptions(options.parallelism(), options.maxInFlight(), options.visibilityTimeout(),
                WARMUP_POLL, options.shutdownGrace(), options.retryBackoff(), options.limits());
    }

    @Override
    public Integer call() throws Exception {
        Machine machine = Machine.current();
        List<Path> files = BenchInputs.files(inputs);
        String run = Long.toString(System.currentTimeMillis(), 36);
        IngestOptions ingestOptions = parallelism == null ? IngestOptions.defaults()
                : IngestOptions.defaults().withParallelism(parallelism);
        Duration poll = Duration.ofMillis(pollMillis);
        PipelineReport report = new PipelineReport(BenchCommand.reproduce(spec), machine, uploads, rate);
        Prices prices = Prices.read(pricesFile);
        RequestMeter meter = new RequestMeter();
        try (LocalAws aws = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort());
             AwsClients clients = new AwsClients(PipelineConfig.defaults().withEndpoint(aws.endpoint()));
             AwsClients workers = new AwsClients(clients.config(), List.of(meter));
             Uploader uploader = new Uploader(clients.s3(), clients.config().bucket(), UPLOAD_THREADS)) {
            new Provisioner(clients).provision();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (IndexerWorker indexer = new IndexerWorker(workers, registry)) {
                indexer.start();
                Phase warm;
                try (IngestWorker ingest = new IngestWorker(workers, registry, shortPolls(ingestOptions))) {
                    ingest.start();
                    warm = phase(clients, uploader, "bench-" + run + "-warmup", "warmup", files, warmup, 0, poll,
                            COLD_START);
                }
                if (!warm.complete()) {
                    throw new IllegalStateException("warm-up did not finish within " + COLD_START + ": "
                            + warm.describeMissing());
                }
                // Closing the warm-up worker cut its long poll, but the queue keeps the poll open until its wait
                // time ends and would hand the first backlog messages to it, to be seen again only after their
                // visibility timeout: the drain would measure that timeout. Let the dead poll end first.
                Thread.sleep(WARMUP_POLL.plusMillis(500).toMillis());
                String backlogUser = "bench-" + run + "-backlog";
                List<Uploader.Upload> queued = uploader.upload(backlogUser, "bench,backlog", files, backlog, 0);
                Phase drained;
                Instant workerStart = Instant.now();
                Duration cpuBefore = ProcessCpu.used();
                try (IngestWorker ingest = new IngestWorker(workers, registry, ingestOptions)) {
                    ingest.start();
                    drained = watch(clients, backlogUser, "backlog", queued, BACKLOG_POLL, COLD_START);
                    Duration drainCpu = ProcessCpu.used().minus(cpuBefore);
                    ClosedLoop.Result ceiling = RawCeiling.measure(clients, items(clients, backlogUser),
                            ingestOptions.parallelism(), Duration.ofSeconds(ceilingSeconds));
                    String latencyUser = "bench-" + run + "-latency";
                    Duration timeout = Duration.ofSeconds((long) (uploads / rate) + 120);
                    Usage beforeUploads = meter.usage();
                    Phase latency = phase(clients, uploader, latencyUser, "latency", files, uploads, rate, poll,
                            timeout);
                    Usage uploadsUsed = meter.usage().minus(beforeUploads);
                    Usage beforeDeletes = meter.usage();
                    uploader.delete(latencyUser, List.copyOf(latency.arrivals().keySet()), rate);
                    if (!Departures.await(clients.dynamoDb(), clients.config(), latencyUser, "latency", poll,
                            timeout)) {
                        throw new IllegalStateException("deleted media still listed after " + timeout);
                    }
                    Usage deletesUsed = meter.usage().minus(beforeDeletes);
                    report.setup(ingestOptions.parallelism(), files.size(), warmup, backlog, pollMillis);
                    report.results(drained, workerStart, drainCpu, ceiling, latency, output.dir());
                    report.bill(new Bill(uploads, uploadsUsed, prices), new Bill(uploads, deletesUsed, prices),
                            clients.config().mediaTable(), pricesFile);
                }
            }
        }
        Files.createDirectories(output.dir());
        report.write(output.dir(), System.out);
        return 0;
    }

    private Phase phase(AwsClients clients, Uploader uploader, String user, String tag, List<Path> files, int count,
                        double perSecond, Duration poll, Duration timeout) throws InterruptedException {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> Uploader.mediaId(i, files.get(i % files.size())))
                .toList();
        try (ArrivalWatcher watcher = new ArrivalWatcher(clients.dynamoDb(), clients.config(), user, tag, ids, poll)) {
            List<Uploader.Upload> done = uploader.upload(user, "bench," + tag, files, count, perSecond);
            watcher.await(timeout);
            return new Phase(done, watcher);
        }
    }

    private static Phase watch(AwsClients clients, String user, String tag, List<Uploader.Upload> done, Duration poll,
                               Duration timeout) throws InterruptedException {
        try (ArrivalWatcher watcher = new ArrivalWatcher(clients.dynamoDb(), clients.config(), user, tag,
                done.stream().map(Uploader.Upload::mediaId).toList(), poll)) {
            watcher.await(timeout);
            return new Phase(done, watcher);
        }
    }

    private static List<Map<String, AttributeValue>> items(AwsClients clients, String user) {
        return clients.dynamoDb().queryPaginator(r -> r.tableName(clients.config().mediaTable())
                        .keyConditionExpression("#u = :u").expressionAttributeNames(Map.of("#u", USER_ID))
                        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user))))
                .items().stream().toList();
    }
}
