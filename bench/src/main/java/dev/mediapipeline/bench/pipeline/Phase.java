package dev.mediapipeline.bench.pipeline;

import dev.mediapipeline.bench.report.Latencies;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One batch of uploads and what the watcher saw of them. */
record Phase(List<Uploader.Upload> uploads, Map<String, ArrivalWatcher.Arrival> arrivals) {

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

    /** How many arrived, over how long. */
    record Throughput(int count, Duration wall) {

        double perSecond() {
            return wall.isZero() || wall.isNegative() ? Double.NaN : count / (wall.toNanos() / 1e9);
        }
    }
}
