package dev.mediapipeline.indexer.write;

import dev.mediapipeline.common.item.ItemAttributes;
import dev.mediapipeline.indexer.projection.IndexWrite;
import dev.mediapipeline.indexer.projection.TagIndexProjection;
import dev.mediapipeline.indexer.projection.UnprojectableImageException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
     * Applies the record's own changes.
     *
     * @throws InterruptedException when the worker shuts down during a backoff; nothing is parked then
     * @throws RuntimeException when parking failed too (the index DLQ is unreachable)
     */
    public ApplyOutcome apply(Record record) throws InterruptedException {
        return apply(record, Set.of());
    }

    /**
     * Applies the record's own changes but those in {@code written}, which are in the index already.
     *
     * @see #applyTogether(List)
     */
    ApplyOutcome apply(Record record, Set<IndexWrite> written) throws InterruptedException {
        return apply(record, () -> project(record).stream().filter(w -> !written.contains(w)).toList());
    }

    /**
     * Writes the count-moving changes of records of different items that share a count item in one
     * transaction per count item and kind (see {@link IndexWriter#applyTogether}), when there are at least
     * two: a batch of uploads with the same tag moves each of its count items once instead of once per upload. A group whose
     * entries are not all as expected, or whose transaction fails, is left to {@link #apply(Record, Set)}.
     *
     * @param records records each of a different UserMedia item
     * @return the writes that are in the index now
     */
    Set<IndexWrite> applyTogether(List<Record> records) {
        Map<String, List<IndexWrite>> groups = new LinkedHashMap<>();
        for (Record record : records) {
            try {
                for (IndexWrite write : project(record)) {
                    if (IndexWriter.movesCount(write)) {
                        String kind = write instanceof IndexWrite.Put ? "+" : "-";
                        groups.computeIfAbsent(kind + IndexWriter.countKey(write), k -> new ArrayList<>()).add(write);
                    }
                }
            } catch (RuntimeException unprojectable) {
                // left to apply, which parks it
            }
        }
        Set<IndexWrite> written = new HashSet<>();
        for (List<IndexWrite> group : groups.values()) {
            for (int from = 0; from + 1 < group.size(); from += IndexWriter.MAX_TOGETHER) {
                List<IndexWrite> chunk = group.subList(from, Math.min(group.size(), from + IndexWriter.MAX_TOGETHER));
                try {
                    if (writer.applyTogether(chunk)) {
                        written.addAll(chunk);
                    }
                } catch (RuntimeException e) {
                    LOG.debug("{} index writes together failed; writing them one by one", chunk.size(), e);
                }
            }
        }
        return written;
    }

    private static List<IndexWrite> project(Record record) {
        return TagIndexProjection.project(record.dynamodb().oldImage(), record.dynamodb().newImage());
    }

    /**
     * Brings the record's item's entries in line with the item as it is now ({@code current}, null if it
     * is gone): every tag it carries is written again, and the tags of the record's images that it no
     * longer carries are removed. This repairs what a lost write left behind, which the record's own
     * changes could not when they skip tags that did not change.
     */
    public ApplyOutcome reproject(Record record, Map<String, AttributeValue> current) throws InterruptedException {
        Map<String, AttributeValue> former = new HashMap<>(record.dynamodb().keys());
        Set<String> formerTags = new LinkedHashSet<>();
        StreamRecord change = record.dynamodb();
        List<Map<String, AttributeValue>> images = new ArrayList<>();
        if (change.hasOldImage()) {
            images.add(change.oldImage());
        }
        if (change.hasNewImage()) {
            images.add(change.newImage());
        }
        for (Map<String, AttributeValue> image : images) {
            AttributeValue tags = image.get(ItemAttributes.TAGS);
            if (tags != null && tags.hasSs()) {
                formerTags.addAll(tags.ss());
                former.putAll(image);
            }
        }
        former.put(ItemAttributes.TAGS, AttributeValue.fromSs(List.copyOf(formerTags)));
        return apply(record, () -> TagIndexProjection.reproject(former, current));
    }

    private ApplyOutcome apply(Record record, Supplier<List<IndexWrite>> projection) throws InterruptedException {
        StreamRecord change = record.dynamodb();
        List<IndexWrite> writes;
        try {
            writes = projection.get();
        } catch (UnprojectableImageException | IllegalArgumentException e) {
            return park(record, UNPROJECTABLE, e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                for (IndexWrite write : writes) {
                    writer.apply(write);
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

    private ApplyOutcome park(Record record, String errorClass, Exception cause) {
        LOG.warn("Parking stream record {} ({}) in the index DLQ: {}", record.eventID(), record.dynamodb().keys(),
                cause.toString());
        deadLetters.park(record, errorClass, cause.toString());
        return ApplyOutcome.PARKED;
    }
}
