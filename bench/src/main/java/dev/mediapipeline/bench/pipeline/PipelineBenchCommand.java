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
import dev.mediapipeline.bench.report.Latencies;
import dev.mediapipeline.bench.report.LatencyChart;
import dev.mediapipeline.bench.report.Machine;
import dev.mediapipeline.bench.report.ProcessCpu;
import dev.mediapipeline.bench.report.Report;
import dev.mediapipeline.bench.report.Table;
import dev.mediapipeline.bench.report.Times;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
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
    private static final double TARGET_ITEM_P50_MS = 300;
    private static final double TARGET_ITEM_P99_MS = 1500;
    private static final double TARGET_INDEX_P99_MS = 2000;
    private static final double TARGET_SHARE_OF_CEILING = 0.6;

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

    @Override
    public Integer call() throws Exception {
        Machine machine = Machine.current();
        List<Path> files = BenchInputs.files(inputs);
        String run = Long.toString(System.currentTimeMillis(), 36);
        IngestOptions ingestOptions = parallelism == null ? IngestOptions.defaults()
                : IngestOptions.defaults().withParallelism(parallelism);
        Duration poll = Duration.ofMillis(pollMillis);
        Report report = new Report("pipeline", "Pipeline latency and throughput", BenchCommand.reproduce(spec),
                machine);
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
                try (IngestWorker ingest = new IngestWorker(workers, registry, ingestOptions)) {
                    ingest.start();
                    warm = phase(clients, uploader, "bench-" + run + "-warmup", "warmup", files, warmup, 0, poll,
                            COLD_START);
                }
                if (!warm.complete()) {
                    throw new IllegalStateException("warm-up did not finish within " + COLD_START + ": "
                            + warm.describeMissing());
                }
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
                    describe(report, files, ingestOptions, drained, workerStart, drainCpu, ceiling, latency);
                    bill(report, new Bill(uploads, uploadsUsed, prices), new Bill(uploads, deletesUsed, prices),
                            clients.config().mediaTable());
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

    private void describe(Report report, List<Path> files, IngestOptions ingestOptions, Phase drained,
                          Instant workerStart, Duration drainCpu, ClosedLoop.Result ceiling, Phase latency)
            throws Exception {
        report.note(String.format(Locale.ROOT, "In-memory embedded stack (S3Proxy, ElasticMQ, our DynamoDB + Streams) with "
                        + "the ingest worker (parallelism %d) and the indexer in this JVM; %d input files cycled. "
                        + "Phases: %d warm-up uploads; a backlog of %d objects queued before the worker starts "
                        + "(throughput); the raw ceiling; %d uploads at %.0f/s, open loop (latency). Latency is "
                        + "measured from the moment S3 answered the PUT: to the item's ProcessedAt (stamped just "
                        + "before its conditional write), and to the item and its tag-index entry first being "
                        + "seen by a client polling each table every %d ms (every 250 ms during the backlog).",
                ingestOptions.parallelism(),
                files.size(), warmup, backlog, uploads, rate, pollMillis));

        Latencies toProcessed = latency.latencies(a -> a.processedAt());
        Latencies toItem = latency.latencies(a -> a.itemSeen());
        Latencies toIndex = latency.latencies(a -> a.indexSeen());
        Table lat = new Table("from upload to", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "target");
        lat.row("item written (ProcessedAt)", toProcessed.count(), toProcessed.percentile(50),
                toProcessed.percentile(95), toProcessed.percentile(99), toProcessed.max(),
                "p50 ≤ 300, p99 ≤ 1500");
        lat.row("item visible to a poller", toItem.count(), toItem.percentile(50), toItem.percentile(95),
                toItem.percentile(99), toItem.max(), "");
        lat.row("tag-index entry visible", toIndex.count(), toIndex.percentile(50), toIndex.percentile(95),
                toIndex.percentile(99), toIndex.max(), "p99 ≤ 2000");
        Latencies puts = Latencies.of(latency.uploads().stream().map(Uploader.Upload::put).toList());
        Latencies lag = Latencies.of(latency.uploads().stream().map(Uploader.Upload::startLag).toList());
        lat.row("(the PUT request itself)", puts.count(), puts.percentile(50), puts.percentile(95),
                puts.percentile(99), puts.max(), "");
        lat.row("(PUT start behind schedule)", lag.count(), lag.percentile(50), lag.percentile(95),
                lag.percentile(99), lag.max(), "");
        report.table("latency", String.format(Locale.ROOT, "Latency at %.0f uploads/s (%d uploads)", rate, uploads),
                lat);

        Throughput pipeline = drained.throughput(workerStart, a -> a.processedAt());
        Throughput index = drained.throughput(workerStart, a -> a.indexSeen());
        Throughput offered = latency.throughput(latency.firstPut(), a -> a.processedAt());
        Table tp = new Table("what", "n", "wall s", "per second", "vs raw ceiling", "process CPU ms per object");
        tp.row("raw ceiling: ranged GET (first 64 KiB) + PutItem, " + ceiling.threads() + " threads", ceiling.ops(),
                seconds(ceiling.wall()), ceiling.opsPerSecond(), Times.of(1, 1),
                millisPer(ceiling.cpu(), ceiling.ops()));
        tp.row("pipeline: backlog drained to items", pipeline.count(), seconds(pipeline.wall()), pipeline.perSecond(),
                Times.of(pipeline.perSecond(), ceiling.opsPerSecond()), "");
        tp.row("pipeline: backlog drained to tag index", index.count(), seconds(index.wall()), index.perSecond(),
                Times.of(index.perSecond(), ceiling.opsPerSecond()), millisPer(drainCpu, index.count()));
        tp.row(String.format(Locale.ROOT, "latency phase, %.0f/s offered: items", rate), offered.count(),
                seconds(offered.wall()), offered.perSecond(), Times.of(offered.perSecond(), ceiling.opsPerSecond()),
                "");
        report.table("throughput", "Throughput", tp);

        List<String> verdicts = new ArrayList<>();
        verdicts.add(verdict("upload→item p50", toProcessed.percentile(50), TARGET_ITEM_P50_MS));
        verdicts.add(verdict("upload→item p99", toProcessed.percentile(99), TARGET_ITEM_P99_MS));
        verdicts.add(verdict("upload→index p99", toIndex.percentile(99), TARGET_INDEX_P99_MS));
        double share = pipeline.perSecond() / ceiling.opsPerSecond();
        verdicts.add(String.format(Locale.ROOT, "throughput %.0f%% of the raw ceiling (target ≥ %.0f%%): %s",
                100 * share, 100 * TARGET_SHARE_OF_CEILING, share >= TARGET_SHARE_OF_CEILING ? "met" : "NOT met"));
        if (!latency.complete() || !drained.complete()) {
            verdicts.add("MISSING: latency phase " + latency.describeMissing() + "; backlog "
                    + drained.describeMissing());
        }
        report.note("**Targets:** " + String.join("; ", verdicts) + ".");

        Path png = output.dir().resolve("pipeline-latency.png");
        Files.createDirectories(output.dir());
        Map<String, Latencies> series = new LinkedHashMap<>();
        series.put("upload → item written", toProcessed);
        series.put("upload → item visible", toItem);
        series.put("upload → tag index visible", toIndex);
        Map<String, Double> targets = new LinkedHashMap<>();
        targets.put("item p50 ≤ 300 ms", TARGET_ITEM_P50_MS);
        targets.put("item p99 ≤ 1.5 s", TARGET_ITEM_P99_MS);
        targets.put("index p99 ≤ 2 s", TARGET_INDEX_P99_MS);
        LatencyChart.writePng(png, String.format(Locale.ROOT, "media-pipeline: %d uploads at %.0f/s", uploads, rate),
                series, targets);
        report.note("Chart: `" + png + "`.");
        report.data("latencySummary", Map.of("toItemWritten", toProcessed.summary(), "toItemVisible",
                toItem.summary(), "toIndexVisible", toIndex.summary(), "put", puts.summary(), "startLag",
                lag.summary()));
        report.data("ceilingOpLatency", ceiling.latencies().summary());
        report.data("latencySamples", latency.samples());
    }

    private void bill(Report report, Bill uploaded, Bill deleted, String mediaTable) {
        report.table("billing", String.format(Locale.ROOT, "AWS billing units per 1,000 uploads and per 1,000 "
                + "deletes at %.0f/s (the latency phase, then its objects deleted at the same rate)", rate),
                Bill.table(uploaded, deleted));
        double itemWrite = uploaded.writeUnitsPerEvent(mediaTable);
        report.note(String.format(Locale.ROOT, "Counted by an SDK interceptor on the workers' clients (KCL's "
                + "included; DynamoDB requests ask for ReturnConsumedCapacity INDEXES, which our DynamoDB answers as "
                + "the service bills); a failed conditional write is counted as its minimum, 1 write unit. Dollars "
                + "at the us-east-1 on-demand list prices of `%s`. Item write: %.2f %s write units per upload, its "
                + "indexes included "
                + "(target ≤ 2).", pricesFile, itemWrite, mediaTable));
        Map<String, Object> billing = new LinkedHashMap<>(uploaded.json());
        billing.put("itemWriteUnitsPerUpload", itemWrite);
        billing.put("perThousandDeletes", deleted.json());
        billing.put("prices", pricesFile.toString());
        report.data("billing", billing);
    }

    private static String verdict(String what, double ms, double target) {
        return String.format(Locale.ROOT, "%s %.0f ms (≤ %.0f): %s", what, ms, target,
                Double.isFinite(ms) && ms <= target ? "met" : "NOT met");
    }

    private static double millisPer(Duration cpu, long count) {
        return count == 0 ? Double.NaN : cpu.toNanos() / 1e6 / count;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** How many arrived, over how long. */
    private record Throughput(int count, Duration wall) {

        double perSecond() {
            return wall.isZero() || wall.isNegative() ? Double.NaN : count / seconds(wall);
        }
    }

    /** One batch of uploads and what the watcher saw of them. */
    private record Phase(List<Uploader.Upload> uploads, Map<String, ArrivalWatcher.Arrival> arrivals) {

        Phase(List<Uploader.Upload> uploads, ArrivalWatcher watcher) {
            this(uploads, collect(uploads, watcher));
        }

        private static Map<String, ArrivalWatcher.Arrival> collect(List<Uploader.Upload> uploads,
                                                                  ArrivalWatcher watcher) {
            Map<String, ArrivalWatcher.Arrival> all = new LinkedHashMap<>();
            uploads.forEach(u -> all.put(u.mediaId(), watcher.arrival(u.mediaId())));
            return all;
        }

        boolean complete() {
            return arrivals.values().stream().allMatch(a -> a.itemSeen().isPresent() && a.indexSeen().isPresent());
        }

        String describeMissing() {
            long items = arrivals.values().stream().filter(a -> a.itemSeen().isEmpty()).count();
            long index = arrivals.values().stream().filter(a -> a.indexSeen().isEmpty()).count();
            return items + " of " + arrivals.size() + " items and " + index + " index entries never seen";
        }

        Instant firstPut() {
            return uploads.stream().map(Uploader.Upload::putStart).min(Instant::compareTo).orElseThrow();
        }

        Latencies latencies(Function<ArrivalWatcher.Arrival, Optional<Instant>> at) {
            return Latencies.of(uploads.stream().flatMap(u -> at.apply(arrivals.get(u.mediaId()))
                    .map(t -> Duration.between(u.putEnd(), t)).stream()).toList());
        }

        Throughput throughput(Instant from, Function<ArrivalWatcher.Arrival, Optional<Instant>> at) {
            List<Instant> times = arrivals.values().stream().flatMap(a -> at.apply(a).stream()).toList();
            Instant last = times.stream().max(Instant::compareTo).orElse(from);
            return new Throughput(times.size(), Duration.between(from, last));
        }

        List<Map<String, Object>> samples() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Uploader.Upload u : uploads) {
                ArrivalWatcher.Arrival a = arrivals.get(u.mediaId());
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("mediaId", u.mediaId());
                s.put("size", u.size());
                s.put("putStart", u.putStart().toString());
                s.put("putEnd", u.putEnd().toString());
                s.put("processedAt", a.processedAt().map(Instant::toString).orElse(null));
                s.put("itemSeen", a.itemSeen().map(Instant::toString).orElse(null));
                s.put("indexSeen", a.indexSeen().map(Instant::toString).orElse(null));
                out.add(s);
            }
            return out;
        }
    }
}
