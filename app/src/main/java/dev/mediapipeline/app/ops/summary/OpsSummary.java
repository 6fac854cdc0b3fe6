package dev.mediapipeline.app.ops.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.app.ops.deadletter.DeadLetter;
import dev.mediapipeline.app.ops.queue.QueueDepth;
import dev.mediapipeline.app.ops.queue.QueueWatcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code GET /api/summary} answers and the dashboard draws: queue depths, totals, the recent
 * history of every chart and the latest failures (failed items of this process's worker plus the
 * letters seen in the DLQ). Built from what the watcher and the meters already hold: no AWS call.
 */
public final class OpsSummary {

    public static final Duration INTERVAL = Duration.ofSeconds(5);
    /** 15 minutes of 5-second samples. */
    private static final int HISTORY = 180;
    private static final int FAILURES_SHOWN = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineMeters meters;
    private final QueueWatcher queues;
    private final RecentFailures failures;
    private final History history;
    private final Clock clock;

    public OpsSummary(MeterRegistry registry, QueueWatcher queues, RecentFailures failures, Clock clock) {
        this.meters = new PipelineMeters(registry);
        this.queues = queues;
        this.failures = failures;
        this.clock = clock;
        this.history = new History(HISTORY, meters, queues, clock);
    }

    public History history() {
        return history;
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("generatedAt", clock.instant().toString());
        root.put("intervalSeconds", INTERVAL.toSeconds());
        root.putObject("workers").put("ingest", meters.hasIngestWorker()).put("indexer", meters.hasIndexer());
        ArrayNode queueNodes = root.putArray("queues");
        for (QueueDepth d : queues.depths()) {
            ObjectNode q = queueNodes.addObject().put("role", d.queue().role()).put("name", d.queue().name())
                    .put("visible", d.visible()).put("inFlight", d.inFlight());
            d.oldestAge().ifPresentOrElse(a -> q.put("oldestAgeSeconds", a.toMillis() / 1000.0),
                    () -> q.putNull("oldestAgeSeconds"));
            q.put("oldestAgeSource", d.ageSource());
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("processed", (long) meters.total(PipelineMeters.PROCESSED));
        putCounts(totals.putObject("processedByStatus"), meters.byTag(PipelineMeters.PROCESSED, "status"));
        putCounts(totals.putObject("processedByType"), meters.byTag(PipelineMeters.PROCESSED, "type"));
        putCounts(totals.putObject("failuresByClass"), meters.byTag(PipelineMeters.FAILURES, "errorClass"));
        totals.put("deadLettered", meters.byTag(PipelineMeters.MESSAGES, "outcome").getOrDefault("dead-lettered", 0.0)
                .longValue());
        totals.put("indexApplied", (long) meters.indexApplied());
        meters.millisBehindLatest().ifPresentOrElse(m -> totals.put("indexMillisBehindLatest", m.longValue()),
                () -> totals.putNull("indexMillisBehindLatest"));
        ObjectNode latest = root.putObject("latest");
        putLatest(latest, "latencyP50", History.Sample::latencyP50);
        putLatest(latest, "latencyP99", History.Sample::latencyP99);
        putLatest(latest, "indexLagP50", History.Sample::indexLagP50);
        putLatest(latest, "indexLagP99", History.Sample::indexLagP99);
        root.set("history", historyJson(history.samples()));
        ArrayNode recent = root.putArray("recentFailures");
        for (RecentFailures.Failure f : recentFailures()) {
            recent.addObject().put("at", f.at().toString()).put("key", f.key()).put("errorClass", f.errorClass())
                    .put("error", f.error()).put("source", f.source());
        }
        return root;
    }

    private List<RecentFailures.Failure> recentFailures() {
        List<RecentFailures.Failure> all = new ArrayList<>(failures.newestFirst());
        for (DeadLetter letter : queues.peekedDeadLetters()) {
            all.add(new RecentFailures.Failure(letter.sentAt(), letter.key(), letter.errorClass(), letter.error(),
                    "dlq"));
        }
        all.sort(Comparator.comparing(RecentFailures.Failure::at).reversed());
        return all.subList(0, Math.min(FAILURES_SHOWN, all.size()));
    }

    private void putLatest(ObjectNode node, String name, Function<History.Sample, Double> series) {
        history.latest(series).ifPresentOrElse(v -> node.put(name, v), () -> node.putNull(name));
    }

    private static ObjectNode historyJson(List<History.Sample> samples) {
        ObjectNode h = JSON.createObjectNode();
        series(h, samples, "t", s -> s.at().toEpochMilli());
        series(h, samples, "ingestVisible", History.Sample::ingestVisible);
        series(h, samples, "ingestInFlight", History.Sample::ingestInFlight);
        series(h, samples, "dlqVisible", History.Sample::dlqVisible);
        series(h, samples, "ingestAge", History.Sample::ingestAge);
        series(h, samples, "throughput", History.Sample::throughput);
        series(h, samples, "latencyP50", History.Sample::latencyP50);
        series(h, samples, "latencyP99", History.Sample::latencyP99);
        series(h, samples, "indexLagP50", History.Sample::indexLagP50);
        series(h, samples, "indexLagP99", History.Sample::indexLagP99);
        series(h, samples, "failures", History.Sample::failures);
        return h;
    }

    private static void series(ObjectNode h, List<History.Sample> samples, String name,
                               Function<History.Sample, ? extends Number> value) {
        ArrayNode values = h.putArray(name);
        for (History.Sample s : samples) {
            Number v = value.apply(s);
            if (v == null) {
                values.addNull();
            } else if (v instanceof Double d) {
                values.add(Math.round(d * 1000) / 1000.0);
            } else {
                values.add(v.longValue());
            }
        }
    }

    private static void putCounts(ObjectNode node, Map<String, Double> counts) {
        counts.forEach((k, v) -> node.put(k, v.longValue()));
    }
}
