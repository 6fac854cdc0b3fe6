package dev.mediapipeline.bench.pipeline;

import dev.mediapipeline.bench.ClosedLoop;
import dev.mediapipeline.bench.billing.Bill;
import dev.mediapipeline.bench.report.Latencies;
import dev.mediapipeline.bench.report.LatencyChart;
import dev.mediapipeline.bench.report.Machine;
import dev.mediapipeline.bench.report.Report;
import dev.mediapipeline.bench.report.Table;
import dev.mediapipeline.bench.report.Times;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the pipeline benchmark measured: latency and throughput tables, targets, chart, bill and JSON. */
final class PipelineReport {

    private static final double TARGET_ITEM_P50_MS = 300;
    private static final double TARGET_ITEM_P99_MS = 1500;
    private static final double TARGET_INDEX_P99_MS = 2000;
    private static final double TARGET_SHARE_OF_CEILING = 0.6;

    private final Report report;
    private final int uploads;
    private final double rate;

    PipelineReport(String command, Machine machine, int uploads, double rate) {
        report = new Report("pipeline", "Pipeline latency and throughput", command, machine);
        this.uploads = uploads;
        this.rate = rate;
    }

    void setup(int parallelism, int files, int warmup, int backlog, int pollMillis) {
        report.note(String.format(Locale.ROOT, "In-memory embedded stack (S3Proxy, ElasticMQ, our DynamoDB + Streams) with "
                        + "the ingest worker (parallelism %d) and the indexer in this JVM; %d input files cycled. "
                        + "Phases: %d warm-up uploads; a backlog of %d objects queued before the worker starts "
                        + "(throughput); the raw ceiling; %d uploads at %.0f/s, open loop (latency). Latency is "
                        + "measured from the moment S3 answered the PUT: to the item's ProcessedAt (stamped just "
                        + "before its conditional write), and to the item and its tag-index entry first being "
                        + "seen by a client polling each table every %d ms (every 250 ms during the backlog).",
                parallelism, files, warmup, backlog, uploads, rate, pollMillis));
    }

    /** The tables, the verdicts against the targets and the latency chart, written under {@code chartDir}. */
    void results(Phase drained, Instant workerStart, Duration drainCpu, ClosedLoop.Result ceiling, Phase latency,
                 Path chartDir) throws IOException {
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

        Phase.Throughput pipeline = drained.throughput(workerStart, a -> a.processedAt());
        Phase.Throughput index = drained.throughput(workerStart, a -> a.indexSeen());
        Phase.Throughput offered = latency.throughput(latency.firstPut(), a -> a.processedAt());
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

        Path png = chartDir.resolve("pipeline-latency.png");
        Files.createDirectories(chartDir);
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
        report.data("latencySamples", samples(latency));
    }

    void bill(Bill uploaded, Bill deleted, String mediaTable, Path pricesFile) {
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

    void write(Path dir, PrintStream out) throws IOException {
        report.write(dir, out);
    }

    private static List<Map<String, Object>> samples(Phase phase) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Uploader.Upload u : phase.uploads()) {
            ArrivalWatcher.Arrival a = phase.arrivals().get(u.mediaId());
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
}
