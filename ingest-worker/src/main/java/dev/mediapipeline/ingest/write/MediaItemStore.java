package dev.mediapipeline.ingest.write;

import static dev.mediapipeline.common.item.ItemAttributes.EXPIRES_AT;
import static dev.mediapipeline.common.item.ItemAttributes.MEDIA_ID;
import static dev.mediapipeline.common.item.ItemAttributes.SEQUENCER;
import static dev.mediapipeline.common.item.ItemAttributes.SEQUENCER_ORDER;
import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;

import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.item.Sequencers;
import dev.mediapipeline.common.key.MediaKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The only writer of UserMedia. Every write is conditional on the S3 sequencer being newer than both
 * the stored item and the key's tombstone, so duplicates and late events change nothing: no write, no
 * stream record, ProcessedAt untouched.
 *
 * <p>Each event costs one request: no read before the write. A read would only spare duplicates their
 * extraction, and on AWS a read costs read units and a round trip that most events would spend for nothing.
 */
public final class MediaItemStore {

    /** How long a removal keeps late creates of older versions out; far beyond any SQS retention. */
    static final Duration TOMBSTONE_TTL = Duration.ofDays(15);
    private static final String NEWER = "attribute_not_exists(" + USER_ID + ") OR " + SEQUENCER_ORDER + " < :seq";

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
        Map<String, Object> item = new HashMap<>(values);
        item.put(USER_ID, key.userId());
        item.put(MEDIA_ID, key.mediaId());
        item.put(SEQUENCER, sequencer);
        item.put(SEQUENCER_ORDER, Sequencers.order(sequencer));
        ItemLimits.apply(item);
        Map<String, AttributeValue> newer = Map.of(":seq", AttributeValue.fromS(Sequencers.order(sequencer)));
        return transact(
                TransactWriteItem.builder().put(p -> p.tableName(mediaTable).item(AttributeValues.of(item))
                        .conditionExpression(NEWER).expressionAttributeValues(newer)).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(tombstoneTable).key(keyOf(key))
                        .conditionExpression(NEWER).expressionAttributeValues(newer)).build());
    }

    /** Deletes the item and leaves a tombstone, unless the key already holds something newer. */
    public WriteResult remove(MediaKey key, String sequencer, Instant now) {
        Map<String, AttributeValue> newer = Map.of(":seq", AttributeValue.fromS(Sequencers.order(sequencer)));
        Map<String, AttributeValue> tombstone = new HashMap<>(keyOf(key));
        tombstone.put(SEQUENCER, AttributeValue.fromS(sequencer));
        tombstone.put(SEQUENCER_ORDER, AttributeValue.fromS(Sequencers.order(sequencer)));
        tombstone.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(now.plus(TOMBSTONE_TTL).getEpochSecond())));
        return transact(
                TransactWriteItem.builder().delete(d -> d.tableName(mediaTable).key(keyOf(key))
                        .conditionExpression(NEWER).expressionAttributeValues(newer)).build(),
                TransactWriteItem.builder().put(p -> p.tableName(tombstoneTable).item(tombstone)
                        .conditionExpression(NEWER).expressionAttributeValues(newer)).build());
    }

    private WriteResult transact(TransactWriteItem... items) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(items));
            return WriteResult.WRITTEN;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().map(CancellationReason::code)
                    .anyMatch("ConditionalCheckFailed"::equals)) {
                return WriteResult.STALE;
            }
            throw e;
        }
    }

    private static Map<String, AttributeValue> keyOf(MediaKey key) {
        return Map.of(USER_ID, AttributeValue.fromS(key.userId()), MEDIA_ID, AttributeValue.fromS(key.mediaId()));
    }
}
