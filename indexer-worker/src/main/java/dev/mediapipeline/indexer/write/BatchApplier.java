package dev.mediapipeline.indexer.write;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.indexer.projection.IndexWrite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The indexer's core, shared by every way of reading the UserMedia stream (the KCL worker, a Lambda
 * handler): applies stream records of ONE shard in stream order and reports how far it got.
 *
 * <p>Contract, kept stable for all callers:
 * <ul>
 *   <li>{@link #apply(List)} takes SDK v2 stream records of one shard in stream order;</li>
 *   <li>records of the same UserMedia item are applied one after the other in that order; records of
 *       different items touch different index entries and are applied in parallel, their new entries and
 *       removals that share a tag count item first together in one transaction per count item;</li>
 *   <li>a record whose writes keep failing, or that cannot be projected, is parked on the index DLQ and
 *       counts as done: it never blocks the shard;</li>
 *   <li>it never throws: the {@link ApplyProgress} names the leading records that are done (a checkpoint may
 *       pass them) and the first that is not, with the cause (the DLQ itself failing, or the caller's thread
 *       interrupted, whose interrupt flag is then set again);</li>
 *   <li>applying a record again, in any order relative to the item's other records, changes nothing, so a
 *       caller retries from the first unapplied record (or from anywhere before it).</li>
 * </ul>
 */
public final class BatchApplier {

    private final RecordApplier applier;
    private final ExecutorService pool;

    public BatchApplier(RecordApplier applier, ExecutorService pool) {
        this.applier = applier;
        this.pool = pool;
    }

    /** Writing to the tag index {@code clients.config()} names and parking on its index DLQ: every indexer's core. */
    public static BatchApplier forPipeline(AwsClients clients, RetryPolicy retry, ExecutorService pool) {
        PipelineConfig config = clients.config();
        return new BatchApplier(new RecordApplier(new IndexWriter(clients.dynamoDb(), config.tagIndexTable()),
                new IndexDeadLetters(clients.sqs(), config.indexDlq()), retry), pool);
    }

    /** @param records stream records of one shard, in stream order */
    public ApplyProgress apply(List<Record> records) {
        Map<Map<String, AttributeValue>, List<Integer>> byItem = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byItem.computeIfAbsent(records.get(i).dynamodb().keys(), k -> new ArrayList<>()).add(i);
        }
        Set<IndexWrite> written = applier.applyTogether(byItem.values().stream().filter(i -> i.size() == 1)
                .map(i -> records.get(i.get(0))).toList());
        ApplyOutcome[] outcomes = new ApplyOutcome[records.size()];
        Exception[] failures = new Exception[records.size()];
        List<Future<?>> running = new ArrayList<>(byItem.size());
        for (List<Integer> indexes : byItem.values()) {
            try {
                running.add(pool.submit(() -> applyInOrder(records, indexes, written, outcomes, failures)));
            } catch (RejectedExecutionException closing) {
                failures[indexes.get(0)] = closing;
            }
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            return progress(records, outcomes, failures, e);
        } catch (ExecutionException e) {
            // applyInOrder catches what it can; this is an Error, which no caller should swallow
            throw new IllegalStateException("applying stream records failed", e.getCause());
        }
        return progress(records, outcomes, failures, null);
    }

    /** Applies one item's records in order, stopping at the first that is neither applied nor parked. */
    private void applyInOrder(List<Record> records, List<Integer> indexes, Set<IndexWrite> written,
            ApplyOutcome[] outcomes, Exception[] failures) {
        for (int i : indexes) {
            try {
                outcomes[i] = applier.apply(records.get(i), written);
            } catch (InterruptedException | RuntimeException e) {
                failures[i] = e;
                return;
            }
        }
    }

    private static ApplyProgress progress(List<Record> records, ApplyOutcome[] outcomes, Exception[] failures,
            InterruptedException interrupted) {
        List<ApplyOutcome> done = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (outcomes[i] == null) {
                Exception cause = failures[i] != null ? failures[i]
                        : interrupted != null ? interrupted : new IllegalStateException("not applied");
                return new ApplyProgress(done, Optional.of(new ApplyProgress.Unapplied(records.get(i), cause)));
            }
            done.add(outcomes[i]);
        }
        return new ApplyProgress(done, Optional.empty());
    }
}
