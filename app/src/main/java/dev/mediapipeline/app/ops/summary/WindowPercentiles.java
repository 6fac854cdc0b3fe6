package dev.mediapipeline.app.ops.summary;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Percentiles of what a timer recorded between two looks, from the difference of its cumulative
 * percentile-histogram buckets, interpolated within a bucket the way Prometheus' histogram_quantile does.
 * So a dashboard shows "p99 over the last 5 s" rather than a since-start figure that never moves.
 */
final class WindowPercentiles {

    private double[] lastCumulative = new double[0];
    private long lastCount;

    /** p50 and p99 in seconds of the recordings since the previous call; empty when there were none. */
    Optional<double[]> next(Optional<Timer> timer) {
        if (timer.isEmpty()) {
            return Optional.empty();
        }
        CountAtBucket[] buckets = timer.get().takeSnapshot().histogramCounts();
        long count = timer.get().count();
        double[] cumulative = new double[buckets.length];
        double[] bounds = new double[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            cumulative[i] = buckets[i].count();
            bounds[i] = buckets[i].bucket(TimeUnit.SECONDS);
        }
        long recorded = count - lastCount;
        double[] previous = lastCumulative.length == cumulative.length ? lastCumulative : new double[cumulative.length];
        lastCumulative = cumulative;
        lastCount = count;
        if (recorded <= 0 || buckets.length == 0) {
            return Optional.empty();
        }
        double[] delta = new double[cumulative.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = cumulative[i] - previous[i];
        }
        return Optional.of(new double[] {quantile(0.5, recorded, delta, bounds),
            quantile(0.99, recorded, delta, bounds)});
    }

    static double quantile(double q, long total, double[] cumulative, double[] bounds) {
        double rank = q * total;
        double below = 0;
        double lower = 0;
        for (int i = 0; i < bounds.length; i++) {
            if (cumulative[i] >= rank) {
                double inBucket = cumulative[i] - below;
                return inBucket <= 0 ? bounds[i] : lower + (bounds[i] - lower) * (rank - below) / inBucket;
            }
            below = cumulative[i];
            lower = bounds[i];
        }
        // beyond the largest bucket: the best we can say is "at least the largest bound"
        return bounds[bounds.length - 1];
    }
}
