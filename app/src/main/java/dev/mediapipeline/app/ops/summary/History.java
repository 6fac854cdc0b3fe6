package dev.mediapipeline.app.ops.summary;

import dev.mediapipeline.app.ops.queue.QueueDepth;
import dev.mediapipeline.app.ops.queue.QueueWatcher;
import dev.mediapipeline.app.ops.queue.WatchedQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The dashboard's time series, kept in memory: one sample per {@link #sample()} call (every few seconds),
 * the last {@code capacity} of them. Server-side, so a page opened now shows the last minutes at once.
 */
public final class History {

    /** One point of every chart; null where nothing was known or recorded in the interval. */
    public record Sample(Instant at, Long ingestVisible, Long ingestInFlight, Long dlqVisible, Double ingestAge,
                         double throughput, Double latencyP50, Double latencyP99, Double indexLagP50,
                         Double indexLagP99, double failures) {
    }

    private final int capacity;
    private final PipelineMeters meters;
    private final QueueWatcher queues;
    private final Clock clock;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final WindowPercentiles latency = new WindowPercentiles();
    private final WindowPercentiles indexLag = new WindowPercentiles();
    private Instant lastAt;
    private double lastProcessed;
    private double lastFailures;

    History(int capacity, PipelineMeters meters, QueueWatcher queues, Clock clock) {
        this.capacity = capacity;
        this.meters = meters;
        this.queues = queues;
        this.clock = clock;
    }

    public synchronized void sample() {
        Instant now = clock.instant();
        double processed = meters.total(PipelineMeters.PROCESSED);
        double failures = meters.total(PipelineMeters.FAILURES);
        double seconds = lastAt == null ? 0 : Duration.between(lastAt, now).toMillis() / 1000.0;
        double throughput = seconds > 0 ? (processed - lastProcessed) / seconds : 0;
        Optional<double[]> lat = latency.next(meters.latency());
        Optional<double[]> lag = indexLag.next(meters.indexLag());
        Optional<QueueDepth> ingest = queues.depth(WatchedQueue.INGEST);
        samples.addLast(new Sample(now, ingest.map(QueueDepth::visible).orElse(null),
                ingest.map(QueueDepth::inFlight).orElse(null),
                queues.depth(WatchedQueue.DLQ).map(QueueDepth::visible).orElse(null),
                ingest.flatMap(QueueDepth::oldestAge).map(a -> a.toMillis() / 1000.0).orElse(null),
                throughput, at(lat, 0), at(lat, 1), at(lag, 0), at(lag, 1),
                lastAt == null ? 0 : failures - lastFailures));
        while (samples.size() > capacity) {
            samples.removeFirst();
        }
        lastAt = now;
        lastProcessed = processed;
        lastFailures = failures;
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The newest value of one series that was known, e.g. the last measured p99. */
    public synchronized <T> Optional<T> latest(Function<Sample, T> series) {
        return samples.stream().map(series).filter(v -> v != null).reduce((a, b) -> b);
    }

    private static Double at(Optional<double[]> values, int index) {
        return values.map(v -> v[index]).orElse(null);
    }
}
