package dev.mediapipeline.indexer.stream;

import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import dev.mediapipeline.common.item.ItemAttributes;
import dev.mediapipeline.indexer.metrics.IndexMetrics;
import dev.mediapipeline.indexer.write.ApplyOutcome;
import dev.mediapipeline.indexer.write.BatchApplier;
import dev.mediapipeline.indexer.write.Ordering;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * One shard's consumer. Before applying a batch it prepares the batch's end as the lease's pending
 * checkpoint, which lets its successor tell possible replays from new records ({@link ReplayHorizon}) and
 * lets the records after it skip the index writer's transactional check. A checkpoint is only written
 * once every record up to it is either applied or parked, so a crash replays them, which the idempotent
 * writes make harmless; and since a replay is both harmless and recognised, the checkpoint itself is
 * written at most every {@value #CHECKPOINT_INTERVAL_MILLIS} ms (and when the shard runs idle), not
 * after each batch: one lease write per batch (the prepare) instead of two.
 */
final class IndexRecordProcessor implements DynamoDBStreamsShardRecordProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRecordProcessor.class);
    private static final Duration BATCH_RETRY_PAUSE = Duration.ofSeconds(1);
    private static final int CHECKPOINT_ATTEMPTS = 5;
    static final long CHECKPOINT_INTERVAL_MILLIS = 5_000;

    private final BatchApplier applier;
    private final IndexMetrics metrics;
    private final BooleanSupplier stopping;
    private final Duration failoverTime;
    private String shardId = "?";
    private ReplayHorizon horizon;
    private boolean uncheckpointed;
    private long lastCheckpointNanos = System.nanoTime();

    IndexRecordProcessor(BatchApplier applier, IndexMetrics metrics, BooleanSupplier stopping, Duration failoverTime) {
        this.applier = applier;
        this.metrics = metrics;
        this.stopping = stopping;
        this.failoverTime = failoverTime;
    }

    @Override
    public void initialize(InitializationInput input) {
        shardId = input.shardId();
        horizon = new ReplayHorizon(input.pendingCheckpointSequenceNumber(), failoverTime, System::nanoTime);
        if (input.pendingCheckpointSequenceNumber() == null) {
            LOG.info("Indexing shard {} from {}", shardId, input.extendedSequenceNumber());
        } else {
            LOG.info("Indexing shard {} from {} (records up to {} may be replays)", shardId,
                    input.extendedSequenceNumber(), input.pendingCheckpointSequenceNumber());
        }
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
        if (input.records().isEmpty()) {
            if (uncheckpointed) {
                checkpoint(input.checkpointer());
            }
            return;
        }
        List<Record> records = input.records().stream().map(DynamoDBStreamsClientRecord::getRecord).toList();
        try {
            long prepareSent = horizon.now();
            Function<Record, Ordering> ordering = prepare(input.checkpointer())
                    ? horizon.afterPrepare(prepareSent)
                    : ReplayHorizon.unprepared();
            List<ApplyOutcome> outcomes = applyUntilDone(records, ordering);
            for (int i = 0; i < records.size(); i++) {
                if (outcomes.get(i) == ApplyOutcome.APPLIED) {
                    metrics.applied(changedAt(records.get(i)));
                } else {
                    metrics.parked();
                }
            }
            uncheckpointed = true;
            if (System.nanoTime() - lastCheckpointNanos >= CHECKPOINT_INTERVAL_MILLIS * 1_000_000) {
                checkpoint(input.checkpointer());
            }
        } catch (InterruptedException e) {
            // shutting down mid-batch: leave it unchecked so whoever holds the lease next replays it
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Announces the batch's end as the pending checkpoint (see {@link ReplayHorizon}).
     *
     * @return false if that failed: the batch is then applied as possible replays, which is always safe
     */
    private boolean prepare(RecordProcessorCheckpointer checkpointer) {
        try {
            checkpointer.prepareCheckpoint();
            return true;
        } catch (KinesisClientLibException | RuntimeException e) {
            LOG.debug("Could not prepare a checkpoint on shard {}: {}", shardId, e.toString());
            return false;
        }
    }

    /**
     * Only a failing DLQ makes a batch fail as a whole; then it is retried rather than skipped. The retry
     * repeats records already applied, after which the batch's later records may be in the index: they are
     * applied as possible replays.
     */
    private List<ApplyOutcome> applyUntilDone(List<Record> records, Function<Record, Ordering> firstAttempt)
            throws InterruptedException {
        Function<Record, Ordering> ordering = firstAttempt;
        while (true) {
            try {
                return applier.apply(records, ordering);
            } catch (IllegalStateException e) {
                ordering = ReplayHorizon.unprepared();
                if (stopping.getAsBoolean()) {
                    throw new InterruptedException("stopping with an unapplied batch");
                }
                LOG.warn("Batch of {} records on shard {} failed, retrying: {}", records.size(), shardId,
                        e.getCause() == null ? e.toString() : e.getCause().toString());
                Thread.sleep(BATCH_RETRY_PAUSE.toMillis());
            }
        }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
        metrics.released(shardId);
    }

    @Override
    public void shardEnded(ShardEndedInput input) {
        metrics.released(shardId);
        checkpoint(input.checkpointer());
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
        metrics.released(shardId);
        checkpoint(input.checkpointer());
    }

    private void checkpoint(RecordProcessorCheckpointer checkpointer) {
        for (int attempt = 1; attempt <= CHECKPOINT_ATTEMPTS; attempt++) {
            try {
                checkpointer.checkpoint();
                uncheckpointed = false;
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
