package dev.mediapipeline.indexer.stream;

import dev.mediapipeline.indexer.metrics.IndexMetrics;
import dev.mediapipeline.indexer.write.BatchApplier;
import java.util.function.BooleanSupplier;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;

/** One {@link IndexRecordProcessor} per shard lease, all sharing the worker's writers and meters. */
public final class IndexProcessors implements ShardRecordProcessorFactory {

    private final BatchApplier applier;
    private final IndexMetrics metrics;
    private final BooleanSupplier stopping;

    /** @param stopping true once the worker is closing: a failing batch then stops retrying */
    public IndexProcessors(BatchApplier applier, IndexMetrics metrics, BooleanSupplier stopping) {
        this.applier = applier;
        this.metrics = metrics;
        this.stopping = stopping;
    }

    @Override
    public ShardRecordProcessor shardRecordProcessor() {
        return new IndexRecordProcessor(applier, metrics, stopping);
    }
}
