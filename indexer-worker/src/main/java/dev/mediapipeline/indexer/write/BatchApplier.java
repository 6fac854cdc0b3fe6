package dev.mediapipeline.indexer.write;

import dev.mediapipeline.indexer.projection.IndexWrite;
import dev.mediapipeline.indexer.projection.UnprojectableImageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Applies one batch of stream records. A batch whose records are all in stream order goes to the index in
 * a few BatchWriteItem requests ({@link IndexBatchWriter}). Otherwise, or if that fails part way, each
 * record is applied on its own as a possible replay: records of the same UserMedia item stay in stream
 * order; records of different items are independent (they touch different index items) and run in parallel.
 */
public final class BatchApplier {

    private final RecordApplier applier;
    private final IndexBatchWriter batchWriter;
    private final ExecutorService pool;

    public BatchApplier(RecordApplier applier, IndexBatchWriter batchWriter, ExecutorService pool) {
        this.applier = applier;
        this.batchWriter = batchWriter;
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
        if (records.stream().allMatch(r -> ordering.apply(r) == Ordering.IN_STREAM_ORDER)) {
            Optional<List<ApplyOutcome>> written = writeInOneGo(records, ordering);
            if (written.isPresent()) {
                return written.get();
            }
            // some of the batch's writes may be in the index now: what follows repeats them
            return applyEach(records, record -> Ordering.MAY_BE_REPLAY);
        }
        return applyEach(records, ordering);
    }

    /** @return the outcomes, or nothing if the batch writer gave up; unprojectable records are parked only then */
    private Optional<List<ApplyOutcome>> writeInOneGo(List<Record> records, Function<Record, Ordering> ordering)
            throws InterruptedException {
        List<IndexWrite> writes = new ArrayList<>();
        Map<Integer, RuntimeException> unprojectable = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                writes.addAll(RecordApplier.project(records.get(i)));
            } catch (UnprojectableImageException | IllegalArgumentException e) {
                unprojectable.put(i, e);
            }
        }
        Record last = records.get(records.size() - 1);
        if (!batchWriter.write(writes, () -> ordering.apply(last) == Ordering.IN_STREAM_ORDER)) {
            return Optional.empty();
        }
        ApplyOutcome[] outcomes = new ApplyOutcome[records.size()];
        Arrays.fill(outcomes, ApplyOutcome.APPLIED);
        try {
            unprojectable.forEach((i, e) -> outcomes[i] = applier.parkUnprojectable(records.get(i), e));
        } catch (RuntimeException e) {
            throw new IllegalStateException("stream record neither applied nor parked", e);
        }
        return Optional.of(List.of(outcomes));
    }

    private List<ApplyOutcome> applyEach(List<Record> records, Function<Record, Ordering> ordering)
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
