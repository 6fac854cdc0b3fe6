package dev.mediapipeline.indexer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The indexer's meters. Lag is what a user notices: from the change in UserMedia (the item's own
 * ProcessedAt, to the millisecond) to the index being written.
 */
public final class IndexMetrics {

    public static final String APPLIED = "media.index.records.applied";
    public static final String PARKED = "media.index.records.parked";
    public static final String LAG = "media.index.lag";
    public static final String MILLIS_BEHIND_LATEST = "media.index.millis.behind.latest";
    public static final String STALLED = "media.index.batches.stalled";

    private final Clock clock;
    private final Counter applied;
    private final Counter parked;
    private final Counter stalled;
    private final Timer lag;
    private final Map<String, Long> millisBehindByShard = new ConcurrentHashMap<>();

    public IndexMetrics(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    IndexMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.applied = Counter.builder(APPLIED)
                .description("Stream records whose tag-index writes were applied")
                .register(registry);
        this.parked = Counter.builder(PARKED)
                .description("Stream records parked in the index DLQ")
                .register(registry);
        this.stalled = Counter.builder(STALLED)
                .description("Times a shard stopped at a record that could be neither applied nor parked")
                .register(registry);
        this.lag = Timer.builder(LAG)
                .description("From the UserMedia change to its tag-index writes")
                .publishPercentileHistogram()
                // a bucket of its own for "within a second", what a user expects of the index
                .serviceLevelObjectives(Duration.ofSeconds(1))
                .register(registry);
        Gauge.builder(MILLIS_BEHIND_LATEST, millisBehindByShard,
                        m -> m.values().stream().mapToLong(Long::longValue).max().orElse(0))
                .description("How far the furthest-behind shard this worker holds is behind the stream tip")
                .baseUnit("milliseconds")
                .register(registry);
    }

    /** A record applied; {@code changedAt} is when its item changed, null when unknown (a removal). */
    public void applied(Instant changedAt) {
        applied.increment();
        if (changedAt != null) {
            Duration elapsed = Duration.between(changedAt, clock.instant());
            // the ingest worker's clock may run a little ahead of ours: never report a negative lag
            lag.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
        }
    }

    public void parked() {
        parked.increment();
    }

    /** A shard's batch stopped at a record neither applied nor parked (the index DLQ failing). */
    public void stalled() {
        stalled.increment();
    }

    public void millisBehindLatest(String shardId, Long millis) {
        if (millis != null) {
            millisBehindByShard.put(shardId, millis);
        }
    }

    /** The shard is no longer held here: its position is someone else's to report. */
    public void released(String shardId) {
        millisBehindByShard.remove(shardId);
    }
}
