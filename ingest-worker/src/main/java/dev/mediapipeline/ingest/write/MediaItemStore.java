package dev.mediapipeline.ingest.write;

import static dev.mediapipeline.common.item.ItemAttributes.EXPIRES_AT;
import static dev.mediapipeline.common.item.ItemAttributes.MEDIA_ID;
import static dev.mediapipeline.common.item.ItemAttributes.SEQUENCER;
import static dev.mediapipeline.common.item.ItemAttributes.SEQUENCER_ORDER;
import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;
import static dev.mediapipeline.common.item.ItemAttributes.VERSION_ID;

import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.item.Sequencers;
import dev.mediapipeline.common.key.MediaKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The only writer of UserMedia. Every write is conditional on the S3 sequencer being newer than the stored
 * item, and a create also on it being newer than the key's tombstone, so duplicates and late events change
 * nothing: no write, no stream record, ProcessedAt untouched.
 *
 * <p>Why no transaction: on AWS a TransactWriteItems of the item and a ConditionCheck of the tombstone bills
 * twice each, 4 write units for a small item. A single conditional PutItem bills 1, and two reads of the
 * tombstone (0.5 and 1 read unit, a fifth of a write unit's price each) keep the tombstone's promise: the read
 * before keeps a late create from writing at all; the strongly consistent read after catches a removal that
 * landed between the two, and the create then takes its own write back. A removal writes its tombstone
 * before it deletes the item, so whichever of the two a racing create misses, it sees the other.
 * The price: in that race (a delete applied while its object's create was being written) readers of the table
 * and its stream see the item appear and go again, where the transaction showed nothing.
 */
public final class MediaItemStore {

    /** How long a removal keeps late creates of older versions out; far beyond any SQS retention. */
    static final Duration TOMBSTONE_TTL = Duration.ofDays(15);
    /** What S3 calls the version of an object written while the bucket was not versioned. */
    public static final String NULL_VERSION = "null";
    private static final String NEWER = "attribute_not_exists(" + USER_ID + ") OR " + SEQUENCER_ORDER + " < :seq";
    private static final String HOLDS_VERSION = "(" + VERSION_ID + " = :version"
            + " OR (:version = :null AND attribute_not_exists(" + VERSION_ID + ")))";

    private final DynamoDbClient dynamoDb;
    private final String mediaTable;
    private final String tombstoneTable;

    public MediaItemStore(DynamoDbClient dynamoDb, PipelineConfig config) {
        this.dynamoDb = dynamoDb;
        this.mediaTable = config.mediaTable();
        this.tombstoneTable = config.tombstoneTable();
    }

    /** Puts the item (which carries its own Sequencer) unless the key already holds something newer. */
    public WriteResult put(MediaKey key, String sequencer, Map<String, Object> values) {
        return put(key, sequencer, values, NEWER, Map.of());
    }

    /**
     * Puts the item in place of the given version of the object, which was deleted: only while the item still
     * describes that version (or there is none) and the key holds nothing newer.
     */
    public WriteResult replace(MediaKey key, String deletedVersion, String sequencer, Map<String, Object> values) {
        return put(key, sequencer, values, "(" + NEWER + ") AND (attribute_not_exists(" + USER_ID + ") OR "
                + HOLDS_VERSION + ")", versionValues(deletedVersion));
    }

    /** Deletes the item and leaves a tombstone, unless the key already holds something newer. */
    public WriteResult remove(MediaKey key, String sequencer, Instant now) {
        return remove(key, sequencer, now, SEQUENCER_ORDER + " < :seq", Map.of());
    }

    /** Like {@link #remove}, but only while the item describes the given version of the object. */
    public WriteResult removeVersion(MediaKey key, String version, String sequencer, Instant now) {
        return remove(key, sequencer, now, SEQUENCER_ORDER + " < :seq AND " + HOLDS_VERSION,
                versionValues(version));
    }

    /**
     * Deletes the item if it is not newer than this event, whose object is gone: a previous delivery of the
     * event may have written it after the object's removal was applied, and died before it could notice.
     */
    public WriteResult withdraw(MediaKey key, String sequencer) {
        return delete(key, SEQUENCER_ORDER + " <= :seq", Map.of(":seq", order(sequencer)));
    }

    /** The version of the object the item describes ({@value #NULL_VERSION} for none); empty without an item. */
    public Optional<String> heldVersion(MediaKey key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(mediaTable).key(keyOf(key))
                .consistentRead(true).projectionExpression(USER_ID + ", " + VERSION_ID)).item();
        if (item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(item.containsKey(VERSION_ID) ? item.get(VERSION_ID).s() : NULL_VERSION);
    }

    private WriteResult put(MediaKey key, String sequencer, Map<String, Object> values, String condition,
                            Map<String, AttributeValue> conditionValues) {
        if (tombstoneNotOlder(key, sequencer, false)) {
            return WriteResult.STALE;
        }
        Map<String, Object> item = new HashMap<>(values);
        item.put(USER_ID, key.userId());
        item.put(MEDIA_ID, key.mediaId());
        item.put(SEQUENCER, sequencer);
        item.put(SEQUENCER_ORDER, Sequencers.order(sequencer));
        ItemLimits.apply(item);
        Map<String, AttributeValue> expressionValues = new HashMap<>(conditionValues);
        expressionValues.put(":seq", order(sequencer));
        try {
            dynamoDb.putItem(r -> r.tableName(mediaTable).item(AttributeValues.of(item))
                    .conditionExpression(condition).expressionAttributeValues(expressionValues));
        } catch (ConditionalCheckFailedException e) {
            return WriteResult.STALE;
        }
        if (tombstoneNotOlder(key, sequencer, true)) {
            delete(key, SEQUENCER_ORDER + " = :seq", Map.of(":seq", order(sequencer)));
            return WriteResult.STALE;
        }
        return WriteResult.WRITTEN;
    }

    /** The tombstone first (see the class comment), then the item; either write alone is progress. */
    private WriteResult remove(MediaKey key, String sequencer, Instant now, String itemCondition,
                               Map<String, AttributeValue> conditionValues) {
        Map<String, AttributeValue> tombstone = new HashMap<>(keyOf(key));
        tombstone.put(SEQUENCER, AttributeValue.fromS(sequencer));
        tombstone.put(SEQUENCER_ORDER, order(sequencer));
        tombstone.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(now.plus(TOMBSTONE_TTL).getEpochSecond())));
        boolean tombstoneWritten;
        try {
            dynamoDb.putItem(r -> r.tableName(tombstoneTable).item(tombstone).conditionExpression(NEWER)
                    .expressionAttributeValues(Map.of(":seq", order(sequencer))));
            tombstoneWritten = true;
        } catch (ConditionalCheckFailedException e) {
            tombstoneWritten = false;
        }
        Map<String, AttributeValue> expressionValues = new HashMap<>(conditionValues);
        expressionValues.put(":seq", order(sequencer));
        WriteResult item = delete(key, itemCondition, expressionValues);
        return tombstoneWritten ? WriteResult.WRITTEN : item;
    }

    private WriteResult delete(MediaKey key, String condition, Map<String, AttributeValue> values) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(mediaTable).key(keyOf(key)).conditionExpression(condition)
                    .expressionAttributeValues(values));
            return WriteResult.WRITTEN;
        } catch (ConditionalCheckFailedException e) {
            return WriteResult.STALE;
        }
    }

    private boolean tombstoneNotOlder(MediaKey key, String sequencer, boolean consistent) {
        AttributeValue removed = dynamoDb.getItem(r -> r.tableName(tombstoneTable).key(keyOf(key))
                .consistentRead(consistent).projectionExpression(SEQUENCER_ORDER)).item().get(SEQUENCER_ORDER);
        return removed != null && removed.s().compareTo(Sequencers.order(sequencer)) >= 0;
    }

    private static AttributeValue order(String sequencer) {
        return AttributeValue.fromS(Sequencers.order(sequencer));
    }

    private static Map<String, AttributeValue> versionValues(String version) {
        return Map.of(":version", AttributeValue.fromS(version), ":null", AttributeValue.fromS(NULL_VERSION));
    }

    private static Map<String, AttributeValue> keyOf(MediaKey key) {
        return Map.of(USER_ID, AttributeValue.fromS(key.userId()), MEDIA_ID, AttributeValue.fromS(key.mediaId()));
    }
}
