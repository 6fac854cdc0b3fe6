package dev.mediapipeline.indexer.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Applies one batch of stream records. Records of the same UserMedia item stay in stream order; records
 * of different items are independent (they touch different index items) and run in parallel.
 */
public final class BatchApplier {

    private final RecordApplier applier;
    private final ExecutorService pool;

    public BatchApplier(RecordApplier applier, ExecutorService pool) {
        this.applier = applier;
        this.pool = pool;
    }

    /**
     * @param ordering what is known about each record's place among its item's records (see {@link IndexWriter})
     * @return the outcome of each record, in input order
     * @throws InterruptedException on shutdown; nothing is to be checkpointed then
     * @throws IllegalStateException when a record could neither be applied nor parked; the whole batch
     *         may be applied again, since applying is idempotent
     */
    public List<ApplyOutcome> apply(List<Record> records, Function<Record, Ordering> ordering)
            throws InterruptedException {
        Map<Map<String, AttributeValue>, List<Integer>> byItem = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byItem.computeIfAbsent(records.get(i).dynamodb().keys(), k -> new ArrayList<>()).add(i);
        }
        ApplyOutcome[] outcomes = new ApplyOutcome[records.size()];
        List<Future<?>> running = new ArrayList<>(byItem.size());
        for (List<Integer> indexes : byItem.values()) {
            running.add(pool.submit(() -> {
                for (int i : indexes) {
                    outcomes[i] = applier.apply(records.get(i), ordering);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("stream record neither applied nor parked", e.getCause());
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            throw e;
        }
        return List.of(outcomes);
    }
}
