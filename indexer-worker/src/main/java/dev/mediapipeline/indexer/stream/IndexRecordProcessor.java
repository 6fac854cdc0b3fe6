package dev.mediapipeline.indexer.stream;

import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import dev.mediapipeline.common.item.ItemAttributes;
import dev.mediapipeline.indexer.metrics.IndexMetrics;
import dev.mediapipeline.indexer.write.ApplyOutcome;
import dev.mediapipeline.indexer.write.ApplyProgress;
import dev.mediapipeline.indexer.write.BatchApplier;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * One shard's consumer. It applies each batch through the {@link BatchApplier} until every record is
 * applied or parked, and checkpoints only what was: on every path (the periodic checkpoint, shard end,
 * shutdown) the checkpoint is the last applied record, never merely the last delivered one. So a worker
 * stopped while a batch fails leaves that batch to the next holder of the lease. Applying a record again
 * changes nothing, so the checkpoint is written at most every {@value #CHECKPOINT_INTERVAL_MILLIS} ms (and
 * when the shard runs idle) rather than after each batch.
 */
final class IndexRecordProcessor implements DynamoDBStreamsShardRecordProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRecordProcessor.class);
    private static final Duration BATCH_RETRY_PAUSE = Duration.ofSeconds(1);
    private static final int CHECKPOINT_ATTEMPTS = 5;
    static final long CHECKPOINT_INTERVAL_MILLIS = 5_000;

    private final BatchApplier applier;
    private final IndexMetrics metrics;
    private final BooleanSupplier stopping;
    private String shardId = "?";
    /** Sequence number of the last record applied or parked; null before the first. */
    private String lastApplied;
    private String lastCheckpointed;
    /** True while a delivered record is neither applied nor parked (the worker stopped during a failure). */
    private boolean unappliedLeft;
    private long lastCheckpointNanos = System.nanoTime();

    IndexRecordProcessor(BatchApplier applier, IndexMetrics metrics, BooleanSupplier stopping) {
        this.applier = applier;
        this.metrics = metrics;
        this.stopping = stopping;
    }

    @Override
    public void initialize(InitializationInput input) {
        shardId = input.shardId();
        LOG.info("Indexing shard {} from {}", shardId, input.extendedSequenceNumber());
    }

    /**
     * When the item changed, to the millisecond: the ProcessedAt the ingest worker wrote into the new image.
     * The record's ApproximateCreationDateTime will not do: AWS rounds it down to the second, emulators
     * coarser still. A removal has no new image, hence no lag (null).
     */
    static Instant changedAt(Record record) {
        AttributeValue processedAt = record.dynamodb().hasNewImage()
                ? record.dynamodb().newImage().get(ItemAttributes.PROCESSED_AT) : null;
        if (processedAt == null || processedAt.s() == null) {
            return null;
        }
        try {
            return Instant.parse(processedAt.s());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
        metrics.millisBehindLatest(shardId, input.millisBehindLatest());
        if (unappliedLeft) {
            // stopping: records after an unapplied one must not move the checkpoint past it
            return;
        }
        List<Record> pending = input.records().stream().map(DynamoDBStreamsClientRecord::getRecord).toList();
        while (!pending.isEmpty()) {
            ApplyProgress progress = applier.apply(pending);
            noteDone(pending, progress.done());
            if (progress.complete()) {
                break;
            }
            if (!pauseBeforeRetry(progress.firstUnapplied().get(), pending.size() - progress.done().size())) {
                unappliedLeft = true;
                return;
            }
            pending = pending.subList(progress.done().size(), pending.size());
        }
        long sinceCheckpoint = System.nanoTime() - lastCheckpointNanos;
        if (input.records().isEmpty() || sinceCheckpoint >= CHECKPOINT_INTERVAL_MILLIS * 1_000_000) {
            checkpoint(input.checkpointer());
        }
    }

    private void noteDone(List<Record> records, List<ApplyOutcome> done) {
        for (int i = 0; i < done.size(); i++) {
            if (done.get(i) == ApplyOutcome.APPLIED) {
                metrics.applied(changedAt(records.get(i)));
            } else {
                metrics.parked();
            }
        }
        if (!done.isEmpty()) {
            lastApplied = records.get(done.size() - 1).dynamodb().sequenceNumber();
        }
    }

    /**
     * Only a failing DLQ (or an interruption) leaves a record unapplied; then the rest of the batch is tried
     * again rather than skipped.
     *
     * @return false if the worker is stopping: the records are left to the lease's next holder
     */
    private boolean pauseBeforeRetry(ApplyProgress.Unapplied unapplied, int left) {
        metrics.stalled();
        if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            LOG.info("Stopping with {} records of shard {} unapplied from {}; the checkpoint stays before them",
                    left, shardId, unapplied.record().dynamodb().sequenceNumber());
            return false;
        }
        LOG.warn("{} records of shard {} unapplied from {}, retrying: {}", left, shardId,
                unapplied.record().dynamodb().sequenceNumber(), unapplied.cause().toString());
        try {
            Thread.sleep(BATCH_RETRY_PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
        metrics.released(shardId);
    }

    /** The shard end is checkpointed only when every record was applied; else the last applied one. */
    @Override
    public void shardEnded(ShardEndedInput input) {
        metrics.released(shardId);
        if (unappliedLeft) {
            checkpoint(input.checkpointer());
        } else {
            checkpointAt(input.checkpointer(), null);
        }
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
        metrics.released(shardId);
        checkpoint(input.checkpointer());
    }

    /** Checkpoints the last applied record, if that moved since the last checkpoint. */
    private void checkpoint(RecordProcessorCheckpointer checkpointer) {
        if (lastApplied != null && !lastApplied.equals(lastCheckpointed)) {
            checkpointAt(checkpointer, lastApplied);
        }
    }

    /** @param sequenceNumber null for the shard's end */
    private void checkpointAt(RecordProcessorCheckpointer checkpointer, String sequenceNumber) {
        for (int attempt = 1; attempt <= CHECKPOINT_ATTEMPTS; attempt++) {
            try {
                if (sequenceNumber == null) {
                    checkpointer.checkpoint();
                } else {
                    checkpointer.checkpoint(sequenceNumber);
                }
                lastCheckpointed = sequenceNumber;
                lastCheckpointNanos = System.nanoTime();
                return;
            } catch (ThrottlingException e) {
                LOG.debug("Checkpoint throttled on shard {}, attempt {}", shardId, attempt);
                try {
                    Thread.sleep(BATCH_RETRY_PAUSE.toMillis() * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (ShutdownException e) {
                LOG.info("Lease of shard {} moved on before the checkpoint; its new holder replays", shardId);
                return;
            } catch (InvalidStateException e) {
                LOG.error("Checkpoint of shard {} failed; the batch will be replayed", shardId, e);
                return;
            }
        }
        LOG.warn("Checkpoint of shard {} still throttled; the batch will be replayed", shardId);
    }
}
