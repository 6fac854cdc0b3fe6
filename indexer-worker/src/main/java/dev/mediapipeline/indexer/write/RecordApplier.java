package dev.mediapipeline.indexer.write;

import dev.mediapipeline.indexer.projection.IndexWrite;
import dev.mediapipeline.indexer.projection.TagIndexProjection;
import dev.mediapipeline.indexer.projection.UnprojectableImageException;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Turns one stream record into index writes and applies them. Writes of one record touch different index
 * items and are idempotent, so a retry simply repeats them all. A record that still fails after the retry
 * policy, or cannot be projected at all, is parked in the index DLQ and reported as such: it never blocks
 * the shard.
 */
public final class RecordApplier {

    static final String UNPROJECTABLE = "unprojectable";
    static final String WRITE_FAILED = "write-failed";

    private static final Logger LOG = LoggerFactory.getLogger(RecordApplier.class);

    private final IndexWriter writer;
    private final IndexDeadLetters deadLetters;
    private final RetryPolicy retry;

    public RecordApplier(IndexWriter writer, IndexDeadLetters deadLetters, RetryPolicy retry) {
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    /**
     * @param ordering asked before each write, so that a window in which in-order writes are safe can close
     *        while the record is being applied
     * @throws InterruptedException when the worker shuts down during a backoff; nothing is parked then
     */
    public ApplyOutcome apply(Record record, Function<Record, Ordering> ordering) throws InterruptedException {
        StreamRecord change = record.dynamodb();
        List<IndexWrite> writes;
        try {
            writes = project(record);
        } catch (UnprojectableImageException | IllegalArgumentException e) {
            return parkUnprojectable(record, e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                for (IndexWrite write : writes) {
                    writer.apply(write, ordering.apply(record));
                }
                return ApplyOutcome.APPLIED;
            } catch (RuntimeException e) {
                if (attempt >= retry.maxAttempts()) {
                    return park(record, WRITE_FAILED, e);
                }
                LOG.debug("Index write for {} failed (attempt {}), retrying", change.keys(), attempt, e);
                Thread.sleep(retry.backoffAfter(attempt).toMillis());
            }
        }
    }

    /**
     * The record's index writes.
     *
     * @throws UnprojectableImageException or IllegalArgumentException if it has none to give: park it
     */
    static List<IndexWrite> project(Record record) {
        return TagIndexProjection.project(record.dynamodb().oldImage(), record.dynamodb().newImage());
    }

    ApplyOutcome parkUnprojectable(Record record, RuntimeException cause) {
        return park(record, UNPROJECTABLE, cause);
    }

    private ApplyOutcome park(Record record, String errorClass, Exception cause) {
        LOG.warn("Parking stream record {} ({}) in the index DLQ: {}", record.eventID(), record.dynamodb().keys(),
                cause.toString());
        deadLetters.park(record, errorClass, cause.toString());
        return ApplyOutcome.PARKED;
    }
}
