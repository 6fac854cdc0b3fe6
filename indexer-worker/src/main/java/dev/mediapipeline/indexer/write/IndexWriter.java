package dev.mediapipeline.indexer.write;

import dev.mediapipeline.indexer.count.TagCounts;
import dev.mediapipeline.indexer.projection.IndexAttributes;
import dev.mediapipeline.indexer.projection.IndexWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Performs one {@link IndexWrite} so that the index can never go backwards, whoever sends it and however
 * late: a stalled worker, a replay, an SDK retry. Every entry carries the SequencerOrder of the image that
 * wrote it, every write is conditional on being newer, and a removal leaves a marker (with a TTL) instead of
 * deleting the entry, so a late put of an older image finds the marker and changes nothing. No lease, clock
 * or read of the source item is involved; only the marker's lifetime must outlast the oldest write that can
 * still arrive: stream records live 24 hours, markers {@value #MARKER_HOURS}.
 *
 * <p>An entry is absent, live, or a marker. A write that makes it live from absent or a marker, or a marker
 * from live, also moves the (user, tag) count by one, in the same transaction, so the count is exactly the
 * number of live entries however often records are applied. The count is spread over count items
 * ({@link TagCounts}); a write always moves the one its MediaId picks. The other writes (a live entry's new
 * attributes, a removal over a marker) are single conditional PutItems. The write first assumes the state
 * the projection expects; when its condition fails, it reads the entry and either learns it is outdated
 * (done) or tries the other case.
 */
public final class IndexWriter {

    static final long MARKER_HOURS = 48;
    /** DynamoDB takes at most 100 actions per transaction: these and the count update. */
    public static final int MAX_TOGETHER = 99;
    private static final int MAX_TRIES = 4;

    private static final String ABSENT_OR_OLDER_MARKER =
            "attribute_not_exists(#ut) OR (attribute_exists(#exp) AND #so < :order)";
    private static final String LIVE_NOT_NEWER =
            "attribute_exists(#ut) AND attribute_not_exists(#exp) AND #so <= :order";
    private static final Map<String, String> NAMES = Map.of("#ut", IndexAttributes.USER_TAG,
            "#exp", IndexAttributes.EXPIRES_AT, "#so", IndexAttributes.SEQUENCER_ORDER);
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String NO_FAILURE = "None";

    /**
     * On AWS two transactions on the same count item at once cancel one of them (TransactionConflict). The
     * writer threads of a process would do that to each other under a tag many uploads share, so a process
     * sends one transaction per count item at a time (those of a tag's other count items go alongside);
     * conflicts with other processes are retried like any failed write.
     */
    private static final int COUNT_LOCK_STRIPES = 64;

    private final DynamoDbClient dynamoDb;
    private final String indexTable;
    private final Object[] countLocks = new Object[COUNT_LOCK_STRIPES];

    public IndexWriter(DynamoDbClient dynamoDb, String indexTable) {
        this.dynamoDb = dynamoDb;
        this.indexTable = indexTable;
        for (int i = 0; i < countLocks.length; i++) {
            countLocks[i] = new Object();
        }
    }

    /**
     * @return true if the write changed the index, false if the entry already reflects this or a newer image
     * @throws IllegalStateException if the entry kept changing under it (retry the write)
     */
    public boolean apply(IndexWrite write) {
        boolean live = !(write instanceof IndexWrite.Put put) || put.replacesLive();
        for (int tries = 1; tries <= MAX_TRIES; tries++) {
            if (send(write, live)) {
                return true;
            }
            Map<String, AttributeValue> entry = read(write);
            if (outdates(entry, write)) {
                return false;
            }
            live = isLive(entry);
        }
        throw new IllegalStateException("index entry " + write.userTag() + "/" + write.mediaId() + " kept changing");
    }

    /**
     * Writes several changes of one (user, tag) count item that each move it (new entries, or removals of
     * live ones) in one TransactWriteItems with one count update, if every entry is in the state its
     * projection expects. A transaction bills each item twice, so k such changes cost 2k + 2 write units
     * instead of 4k.
     *
     * @param writes at most {@value #MAX_TOGETHER} {@linkplain #movesCount(IndexWrite) count-moving} writes of
     *        the same kind and {@linkplain #countKey(IndexWrite) count item}, each of a different media
     * @return false if an entry was not as expected: then nothing was written (write them one by one)
     */
    public boolean applyTogether(List<IndexWrite> writes) {
        IndexWrite first = writes.get(0);
        boolean makesLive = first instanceof IndexWrite.Put;
        List<TransactWriteItem> items = new ArrayList<>();
        for (IndexWrite write : writes) {
            Map<String, AttributeValue> item = write instanceof IndexWrite.Put put ? put.item() : marker(write);
            items.add(TransactWriteItem.builder().put(p -> p.tableName(indexTable).item(item)
                    .conditionExpression(makesLive ? ABSENT_OR_OLDER_MARKER : LIVE_NOT_NEWER)
                    .expressionAttributeNames(NAMES).expressionAttributeValues(order(write))).build());
        }
        items.add(countUpdate(first, makesLive ? writes.size() : -writes.size()));
        try {
            transact(first, items);
            return true;
        } catch (TransactionCanceledException e) {
            if (onlyConditionsFailed(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The count item a write moves: the user and the sort key of one of the tag's count items. */
    public static String countKey(IndexWrite write) {
        return write.userId() + "/" + TagCounts.countId(write.tag(), write.mediaId());
    }

    /** True for a write that is expected to move its count: a new entry, or the removal of a live one. */
    public static boolean movesCount(IndexWrite write) {
        return !(write instanceof IndexWrite.Put put) || !put.replacesLive();
    }

    /** @return false if the entry was not in the state assumed */
    private boolean send(IndexWrite write, boolean assumeLive) {
        Map<String, AttributeValue> item = write instanceof IndexWrite.Put put ? put.item() : marker(write);
        boolean makesLive = write instanceof IndexWrite.Put;
        String condition = assumeLive ? LIVE_NOT_NEWER : ABSENT_OR_OLDER_MARKER;
        try {
            if (assumeLive == makesLive) {
                dynamoDb.putItem(r -> r.tableName(indexTable).item(item).conditionExpression(condition)
                        .expressionAttributeNames(NAMES).expressionAttributeValues(order(write)));
            } else {
                putAndCount(write, item, condition, makesLive ? 1 : -1);
            }
            return true;
        } catch (ConditionalCheckFailedException notAsAssumed) {
            return false;
        } catch (TransactionCanceledException e) {
            if (onlyConditionsFailed(e)) {
                return false;
            }
            throw e;
        }
    }

    private void putAndCount(IndexWrite write, Map<String, AttributeValue> item, String condition, int delta) {
        TransactWriteItem entry = TransactWriteItem.builder().put(p -> p.tableName(indexTable).item(item)
                .conditionExpression(condition)
                .expressionAttributeNames(NAMES).expressionAttributeValues(order(write))).build();
        transact(write, List.of(entry, countUpdate(write, delta)));
    }

    private TransactWriteItem countUpdate(IndexWrite write, int delta) {
        return TransactWriteItem.builder().update(u -> u.tableName(indexTable)
                .key(Map.of(IndexAttributes.USER_TAG, AttributeValue.fromS(write.userId()),
                        IndexAttributes.MEDIA_ID,
                        AttributeValue.fromS(TagCounts.countId(write.tag(), write.mediaId()))))
                .updateExpression("ADD #count :delta SET #tag = :tag")
                .expressionAttributeNames(Map.of("#count", IndexAttributes.MEDIA_COUNT, "#tag", IndexAttributes.TAG))
                .expressionAttributeValues(Map.of(":delta", AttributeValue.fromN(Integer.toString(delta)),
                        ":tag", AttributeValue.fromS(write.tag())))).build();
    }

    private void transact(IndexWrite write, List<TransactWriteItem> items) {
        synchronized (countLocks[Math.floorMod(countKey(write).hashCode(), COUNT_LOCK_STRIPES)]) {
            dynamoDb.transactWriteItems(r -> r.transactItems(items));
        }
    }

    private Map<String, AttributeValue> marker(IndexWrite write) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(IndexAttributes.USER_TAG, AttributeValue.fromS(write.userTag()));
        item.put(IndexAttributes.MEDIA_ID, AttributeValue.fromS(write.mediaId()));
        item.put(IndexAttributes.TAG, AttributeValue.fromS(write.tag()));
        item.put(IndexAttributes.SEQUENCER_ORDER, AttributeValue.fromS(write.order()));
        long expires = Instant.now().plus(Duration.ofHours(MARKER_HOURS)).getEpochSecond();
        item.put(IndexAttributes.EXPIRES_AT, AttributeValue.fromN(Long.toString(expires)));
        return item;
    }

    private Map<String, AttributeValue> read(IndexWrite write) {
        return dynamoDb.getItem(r -> r.tableName(indexTable).consistentRead(true)
                .key(Map.of(IndexAttributes.USER_TAG, AttributeValue.fromS(write.userTag()),
                        IndexAttributes.MEDIA_ID, AttributeValue.fromS(write.mediaId())))).item();
    }

    private static boolean isLive(Map<String, AttributeValue> entry) {
        return entry != null && !entry.isEmpty() && !entry.containsKey(IndexAttributes.EXPIRES_AT);
    }

    /**
     * True if the entry is as new as the write or newer: a live entry of a newer image, or a marker not
     * older than the write (a marker outranks a put of the same order).
     */
    private static boolean outdates(Map<String, AttributeValue> entry, IndexWrite write) {
        if (entry == null || entry.isEmpty()) {
            return false;
        }
        int versus = entry.get(IndexAttributes.SEQUENCER_ORDER).s().compareTo(write.order());
        return isLive(entry) ? versus > 0 : versus >= 0;
    }

    /** A conflict or throttle also cancels a transaction; only failed conditions mean "not as assumed". */
    private static boolean onlyConditionsFailed(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return false;
        }
        boolean conditionFailed = false;
        for (CancellationReason reason : e.cancellationReasons()) {
            if (CONDITION_FAILED.equals(reason.code())) {
                conditionFailed = true;
            } else if (reason.code() != null && !NO_FAILURE.equals(reason.code())) {
                return false;
            }
        }
        return conditionFailed;
    }

    private static Map<String, AttributeValue> order(IndexWrite write) {
        return Map.of(":order", AttributeValue.fromS(write.order()));
    }
}
