package dev.mediapipeline.indexer.write;

import dev.mediapipeline.common.item.ItemAttributes;
import dev.mediapipeline.indexer.projection.IndexWrite;
import dev.mediapipeline.indexer.projection.TagIndexProjection;
import dev.mediapipeline.indexer.projection.UnprojectableImageException;
import java.util.ArrayList;
import java.util.HashMap;
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
        return apply(record, () -> TagIndexProjection.project(record.dynamodb().oldImage(),
                record.dynamodb().newImage()));
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
