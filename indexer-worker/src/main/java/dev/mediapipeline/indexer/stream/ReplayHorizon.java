package dev.mediapipeline.indexer.stream;

import dev.mediapipeline.indexer.write.Ordering;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * Which records of one shard lease this processor applies {@linkplain Ordering#IN_STREAM_ORDER in stream
 * order}, so that their index puts may skip the transactional check of the source item.
 *
 * <p>The processor applies records in stream order, but it may not be the first to apply them. Before
 * applying a batch it records the batch's end as the lease's pending checkpoint (KCL's prepared
 * checkpoint), and it applies nothing it has not announced so. So whatever a previous holder of the lease
 * (crashed, or stopped mid-batch) may have applied lies at or before the pending checkpoint this lease
 * starts with: those records are {@linkplain Ordering#MAY_BE_REPLAY possible replays}, and only the records
 * after it are new to the index.
 *
 * <p>A holder that stalls (a long GC pause, a frozen VM) can still write after its lease has moved on and
 * its successor has applied newer records. A successful prepare proves the lease was held at that moment
 * (it is conditional on the lease's owner and counter, and bumps the counter), and a lease only moves after
 * the failover time without renewal; so in-order writes are started for half the failover time after the
 * prepare was sent, and later writes of the batch take the transactional path. What this leaves open is a
 * put sent within the window that reaches DynamoDB only after the successor took over and applied a newer
 * record of the same item (a request delayed by more than half the failover time).
 */
final class ReplayHorizon {

    private final ExtendedSequenceNumber pendingAtStart;
    private final long windowNanos;
    private final LongSupplier nanoClock;

    /**
     * @param pendingAtStart the lease's pending checkpoint when this processor took it; null if none
     * @param failoverTime how long a lease survives without renewal
     */
    ReplayHorizon(ExtendedSequenceNumber pendingAtStart, Duration failoverTime, LongSupplier nanoClock) {
        this.pendingAtStart = pendingAtStart;
        this.windowNanos = failoverTime.toNanos() / 2;
        this.nanoClock = nanoClock;
    }

    /** The clock this horizon measures its window with; read it just before sending the prepare. */
    long now() {
        return nanoClock.getAsLong();
    }

    /**
     * Ordering of the records of a batch whose end was prepared as the pending checkpoint.
     *
     * @param prepareSentNanos {@link #now()} before the prepare was sent: the lease was held no earlier
     */
    Function<Record, Ordering> afterPrepare(long prepareSentNanos) {
        long closes = prepareSentNanos + windowNanos;
        return record -> nanoClock.getAsLong() - closes < 0 && isNew(record)
                ? Ordering.IN_STREAM_ORDER
                : Ordering.MAY_BE_REPLAY;
    }

    /** Ordering when no prepare succeeded, or a batch is tried again: every record may be a replay. */
    static Function<Record, Ordering> unprepared() {
        return record -> Ordering.MAY_BE_REPLAY;
    }

    private boolean isNew(Record record) {
        if (pendingAtStart == null || pendingAtStart.sequenceNumber() == null) {
            return true;
        }
        return new ExtendedSequenceNumber(record.dynamodb().sequenceNumber()).compareTo(pendingAtStart) > 0;
    }
}
