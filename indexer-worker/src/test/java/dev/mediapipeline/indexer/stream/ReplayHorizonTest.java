package dev.mediapipeline.indexer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.indexer.write.Ordering;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * Which records may skip the source check. Getting this wrong lets a record a previous lease holder already
 * applied bring back a tag that a newer record removed (see IndexWriterTest), so each boundary is pinned.
 */
class ReplayHorizonTest {

    private static final Duration FAILOVER = Duration.ofSeconds(10);
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void recordsUpToTheInheritedPendingCheckpointMayBeReplaysAndLaterOnesAreNew() {
        ReplayHorizon horizon = new ReplayHorizon(new ExtendedSequenceNumber("300000000000000000020"), FAILOVER,
                clock::get);

        Function<Record, Ordering> ordering = horizon.afterPrepare(horizon.now());

        assertThat(ordering.apply(record("300000000000000000019"))).isEqualTo(Ordering.MAY_BE_REPLAY);
        assertThat(ordering.apply(record("300000000000000000020"))).isEqualTo(Ordering.MAY_BE_REPLAY);
        assertThat(ordering.apply(record("300000000000000000021"))).isEqualTo(Ordering.IN_STREAM_ORDER);
        // numeric, not lexical: a longer sequence number is a later one
        assertThat(ordering.apply(record("1000000000000000000000"))).isEqualTo(Ordering.IN_STREAM_ORDER);
    }

    @Test
    void withoutAPendingCheckpointEveryRecordIsNew() {
        ReplayHorizon horizon = new ReplayHorizon(null, FAILOVER, clock::get);

        assertThat(horizon.afterPrepare(horizon.now()).apply(record("5"))).isEqualTo(Ordering.IN_STREAM_ORDER);
    }

    @Test
    void halfTheFailoverTimeAfterThePrepareWasSentEveryWriteTakesTheSafePath() {
        ReplayHorizon horizon = new ReplayHorizon(null, FAILOVER, clock::get);
        long sent = horizon.now();
        clock.addAndGet(Duration.ofMillis(300).toNanos());
        Function<Record, Ordering> ordering = horizon.afterPrepare(sent);

        clock.addAndGet(FAILOVER.dividedBy(2).toNanos() - Duration.ofMillis(301).toNanos());
        assertThat(ordering.apply(record("5"))).isEqualTo(Ordering.IN_STREAM_ORDER);
        clock.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(ordering.apply(record("5"))).isEqualTo(Ordering.MAY_BE_REPLAY);
    }

    @Test
    void withoutASuccessfulPrepareEveryRecordMayBeAReplay() {
        assertThat(ReplayHorizon.unprepared().apply(record("5"))).isEqualTo(Ordering.MAY_BE_REPLAY);
    }

    private static Record record(String sequenceNumber) {
        return Record.builder().dynamodb(StreamRecord.builder().sequenceNumber(sequenceNumber).build()).build();
    }
}
