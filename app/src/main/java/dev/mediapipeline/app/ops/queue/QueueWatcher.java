package dev.mediapipeline.app.ops.queue;

import dev.mediapipeline.app.ops.deadletter.DeadLetter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue gauges: {@value #VISIBLE}, {@value #IN_FLIGHT} and {@value #OLDEST_AGE}, tagged with the
 * queue's role and name. They show the last {@link #poll()}, so a Prometheus scrape or a dashboard refresh
 * never calls SQS; the caller schedules the polls.
 *
 * <p>The ingest queue's oldest-message age cannot be peeked safely (see {@link QueueProbe}). While an
 * ingest worker runs in this process it is estimated from the worker's side: the SentTimestamp of the last
 * message it took, aged since. With a roughly first-in-first-out queue that is the age of the queue's head
 * when the worker took it, and it keeps growing while the worker takes nothing, which is what an operator
 * needs to see; it is capped by the time since a poll last saw the queue empty, as nothing in it can be older.
 * It is an estimate: SQS standard queues do not promise order. On AWS the CloudWatch metric
 * AWS/SQS ApproximateAgeOfOldestMessage is the exact figure (see deploy/cloudwatch).
 */
public final class QueueWatcher {

    public static final String VISIBLE = "media.queue.messages.visible";
    public static final String IN_FLIGHT = "media.queue.messages.inflight";
    public static final String OLDEST_AGE = "media.queue.oldest.age";
    private static final Logger LOG = LoggerFactory.getLogger(QueueWatcher.class);

    private final QueueProbe probe;
    private final Clock clock;
    private final List<WatchedQueue> queues;
    private final AtomicReference<Map<String, QueueProbe.Look>> last = new AtomicReference<>(Map.of());
    private final AtomicReference<Instant> lastTakenSentAt = new AtomicReference<>();
    /** When a poll last saw the ingest queue hold nothing: no message in it now is older than that. */
    private final AtomicReference<Instant> lastSeenEmpty = new AtomicReference<>();

    public QueueWatcher(QueueProbe probe, Clock clock, List<WatchedQueue> queues, MeterRegistry registry) {
        this.probe = probe;
        this.clock = clock;
        this.queues = queues;
        for (WatchedQueue q : queues) {
            gauge(registry, VISIBLE, q, "Messages waiting to be received", d -> d.visible());
            gauge(registry, IN_FLIGHT, q, "Messages received and not yet deleted", d -> d.inFlight());
            Gauge.builder(OLDEST_AGE, this, w -> w.depth(q.role())
                            .flatMap(QueueDepth::oldestAge).map(a -> a.toMillis() / 1000.0).orElse(Double.NaN))
                    .description("Age of the oldest message (estimated for the ingest queue, peeked for DLQs)")
                    .baseUnit("seconds").tags("queue", q.role(), "name", q.name()).register(registry);
        }
    }

    /** The ingest worker of this process took a message sent at {@code sentAt}. */
    public void taken(Instant sentAt) {
        lastTakenSentAt.accumulateAndGet(sentAt, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    /** Reads every queue once; a failed read keeps the previous values and is logged. */
    public void poll() {
        Map<String, QueueProbe.Look> looks = new LinkedHashMap<>();
        for (WatchedQueue q : queues) {
            try {
                looks.put(q.role(), withWorkerAge(probe.look(q)));
            } catch (RuntimeException e) {
                LOG.warn("Could not read queue {}: {}", q.name(), e.toString());
                Optional.ofNullable(last.get().get(q.role())).ifPresent(previous -> looks.put(q.role(), previous));
            }
        }
        last.set(Map.copyOf(looks));
    }

    public Optional<QueueDepth> depth(String role) {
        return Optional.ofNullable(last.get().get(role)).map(QueueProbe.Look::depth);
    }

    public List<QueueDepth> depths() {
        return queues.stream().map(q -> depth(q.role())).flatMap(Optional::stream).toList();
    }

    /** What the last poll saw of the ingest DLQ's messages (at most 10). */
    public List<DeadLetter> peekedDeadLetters() {
        return Optional.ofNullable(last.get().get(WatchedQueue.DLQ)).map(QueueProbe.Look::peeked).orElse(List.of());
    }

    private QueueProbe.Look withWorkerAge(QueueProbe.Look look) {
        QueueDepth d = look.depth();
        if (d.queue().isDeadLetterQueue()) {
            return look;
        }
        Instant now = clock.instant();
        if (d.isEmpty()) {
            lastSeenEmpty.set(now);
            return look;
        }
        Instant taken = lastTakenSentAt.get();
        if (taken == null) {
            return look;
        }
        Instant empty = lastSeenEmpty.get();
        Duration age = Duration.between(empty != null && empty.isAfter(taken) ? empty : taken, now);
        return new QueueProbe.Look(d.withOldestAge(Optional.of(age.isNegative() ? Duration.ZERO : age),
                QueueDepth.WORKER), look.peeked());
    }

    private void gauge(MeterRegistry registry, String name, WatchedQueue q, String description,
                       ToDoubleFunction<QueueDepth> value) {
        Gauge.builder(name, this, w -> w.depth(q.role()).map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).tags("queue", q.role(), "name", q.name())
                .register(registry);
    }
}
