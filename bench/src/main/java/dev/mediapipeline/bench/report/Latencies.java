package dev.mediapipeline.bench.report;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** A sample of latencies in milliseconds, sorted, with nearest-rank percentiles. */
public final class Latencies {

    private final double[] sortedMillis;

    private Latencies(double[] sortedMillis) {
        this.sortedMillis = sortedMillis;
    }

    public static Latencies of(Collection<Duration> durations) {
        double[] ms = durations.stream().mapToDouble(d -> d.toNanos() / 1e6).sorted().toArray();
        return new Latencies(ms);
    }

    public int count() {
        return sortedMillis.length;
    }

    /** Nearest rank: the smallest sample with at least {@code p} percent of the samples at or below it. */
    public double percentile(double p) {
        if (sortedMillis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
        return sortedMillis[Math.min(sortedMillis.length, Math.max(1, rank)) - 1];
    }

    public double max() {
        return sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length - 1];
    }

    public double mean() {
        return Arrays.stream(sortedMillis).average().orElse(Double.NaN);
    }

    /** The samples in ascending order (a copy). */
    public double[] sortedMillis() {
        return sortedMillis.clone();
    }

    /** count, p50, p95, p99, max and mean, for JSON. */
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", count());
        s.put("p50Ms", finite(percentile(50)));
        s.put("p95Ms", finite(percentile(95)));
        s.put("p99Ms", finite(percentile(99)));
        s.put("maxMs", finite(max()));
        s.put("meanMs", finite(mean()));
        return s;
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
