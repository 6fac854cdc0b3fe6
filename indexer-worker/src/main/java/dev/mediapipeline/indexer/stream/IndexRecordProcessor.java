package dev.mediapipeline.indexer.stream;

import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import dev.mediapipeline.indexer.metrics.IndexMetrics;
import dev.mediapipeline.indexer.write.ApplyOutcome;
import dev.mediapipeline.indexer.write.BatchApplier;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * One shard's consumer: applies each batch to the index, then checkpoints it. A batch is only
 * checkpointed once every record in it is either applied or parked, so a crash replays it, which the
 * idempotent writes make harmless.
 */
final class IndexRecordProcessor implements DynamoDBStreamsShardRecordProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRecordProcessor.class);
    private static final Duration BATCH_RETRY_PAUSE = Duration.ofSeconds(1);
    private static final int CHECKPOINT_ATTEMPTS = 5;

    private final BatchApplier applier;
    private final IndexMetrics metrics;
    private final BooleanSupplier stopping;
    private String shardId = "?";

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

    @Override
    public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
        metrics.millisBehindLatest(shardId, input.millisBehindLatest());
        if (input.records().isEmpty()) {
            return;
        }
        List<Record> records = input.records().stream().map(DynamoDBStreamsClientRecord::getRecord).toList();
        try {
            List<ApplyOutcome> outcomes = applyUntilDone(records);
            for (int i = 0; i < records.size(); i++) {
                if (outcomes.get(i) == ApplyOutcome.APPLIED) {
                    metrics.applied(records.get(i).dynamodb().approximateCreationDateTime());
                } else {
                    metrics.parked();
                }
            }
            checkpoint(input.checkpointer());
        } catch (InterruptedException e) {
            // shutting down mid-batch: leave it unchecked so whoever holds the lease next replays it
            Thread.currentThread().interrupt();
        }
    }

    /** Only a failing DLQ makes a batch fail as a whole; then it is retried rather than skipped. */
    private List<ApplyOutcome> applyUntilDone(List<Record> records) throws InterruptedException {
        while (true) {
            try {
                return applier.apply(records);
            } catch (IllegalStateException e) {
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
