package dev.mediapipeline.app.ops.summary;

import dev.mediapipeline.indexer.metrics.IndexMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the workers' meters by name. The ingest names are those IngestMetrics registers; a process
 * without that worker simply has none of them, and every reading is then zero or empty.
 */
final class PipelineMeters {

    static final String PROCESSED = "media.ingest.processed";
    static final String FAILURES = "media.ingest.failures";
    static final String MESSAGES = "media.ingest.messages";
    static final String LATENCY = "media.ingest.latency";

    private final MeterRegistry registry;

    PipelineMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    double total(String counter) {
        return registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Counter totals by the value of one tag, e.g. failures by errorClass. */
    Map<String, Double> byTag(String counter, String tag) {
        Map<String, Double> totals = new TreeMap<>();
        for (Counter c : registry.find(counter).counters()) {
            totals.merge(Optional.ofNullable(c.getId().getTag(tag)).orElse("-"), c.count(), Double::sum);
        }
        return totals;
    }

    Optional<Timer> latency() {
        return Optional.ofNullable(registry.find(LATENCY).timer());
    }

    Optional<Timer> indexLag() {
        return Optional.ofNullable(registry.find(IndexMetrics.LAG).timer());
    }

    double indexApplied() {
        return total(IndexMetrics.APPLIED);
    }

    Optional<Double> millisBehindLatest() {
        return Optional.ofNullable(registry.find(IndexMetrics.MILLIS_BEHIND_LATEST).gauge()).map(Gauge::value);
    }

    boolean hasIngestWorker() {
        return registry.find(LATENCY).timer() != null;
    }

    boolean hasIndexer() {
        return registry.find(IndexMetrics.LAG).timer() != null;
    }
}
