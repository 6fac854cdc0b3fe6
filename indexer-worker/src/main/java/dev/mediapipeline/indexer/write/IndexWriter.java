package dev.mediapipeline.indexer.write;

import dev.mediapipeline.common.item.ItemAttributes;
import dev.mediapipeline.indexer.projection.IndexAttributes;
import dev.mediapipeline.indexer.projection.IndexWrite;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Performs one {@link IndexWrite} as a single conditional write (BatchWriteItem cannot carry conditions).
 * A failed condition means the index already reflects a newer image: that is success, not an error.
 *
 * <p>The SequencerOrder guard protects an existing index item from older images. It cannot protect an
 * item that a newer image deleted: a replayed older put would find nothing and bring the tag back. So a
 * put that {@linkplain Ordering#MAY_BE_REPLAY may be a replay} also checks, in the same transaction, that
 * the UserMedia item still carries the tag; if it does not, a later stream record has removed it (or
 * will), and the put is dropped.
 *
 * <p>A put {@linkplain Ordering#IN_STREAM_ORDER in stream order} is a plain conditional PutItem with the
 * SequencerOrder guard alone. The index item of (user, tag, media) is only ever deleted by a record of
 * that same UserMedia item, and in stream order every such record that is older has been applied and
 * none that is newer has: so an absent index item was never created or was deleted by an older image,
 * and creating it is right. The transaction costs much more than the put (on AWS twice the write units),
 * and replays are rare, so only they pay for it. Deletes need no source check in either case.
 */
public final class IndexWriter {

    private static final String PUT_CONDITION = "attribute_not_exists(#ut) OR #so <= :guard";
    private static final Map<String, String> PUT_NAMES =
            Map.of("#ut", IndexAttributes.USER_TAG, "#so", IndexAttributes.SEQUENCER_ORDER);
    private static final String DELETE_CONDITION = "#so <= :guard";
    private static final String SOURCE_HAS_TAG = "contains(#tags, :tag)";
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String NO_FAILURE = "None";

    private final DynamoDbClient dynamoDb;
    private final String indexTable;
    private final String mediaTable;

    public IndexWriter(DynamoDbClient dynamoDb, String indexTable, String mediaTable) {
        this.dynamoDb = dynamoDb;
        this.indexTable = indexTable;
        this.mediaTable = mediaTable;
    }

    /** @return true if the write changed the index, false if a newer image had already won */
    public boolean apply(IndexWrite write, Ordering ordering) {
        try {
            if (write instanceof IndexWrite.Put put && ordering == Ordering.IN_STREAM_ORDER) {
                putInOrder(put);
            } else if (write instanceof IndexWrite.Put put) {
                putUnlessUntagged(put);
            } else {
                delete(write);
            }
            return true;
        } catch (ConditionalCheckFailedException newerAlreadyIndexed) {
            return false;
        } catch (TransactionCanceledException e) {
            if (onlyConditionsFailed(e)) {
                return false;
            }
            throw e;
        }
    }

    private void putInOrder(IndexWrite.Put put) {
        dynamoDb.putItem(r -> r.tableName(indexTable)
                .item(put.item())
                .conditionExpression(PUT_CONDITION)
                .expressionAttributeNames(PUT_NAMES)
                .expressionAttributeValues(guard(put)));
    }

    private void putUnlessUntagged(IndexWrite.Put put) {
        TransactWriteItem indexItem = TransactWriteItem.builder().put(p -> p.tableName(indexTable)
                .item(put.item())
                .conditionExpression(PUT_CONDITION)
                .expressionAttributeNames(PUT_NAMES)
                .expressionAttributeValues(guard(put))).build();
        TransactWriteItem sourceStillTagged = TransactWriteItem.builder().conditionCheck(c -> c.tableName(mediaTable)
                .key(Map.of(ItemAttributes.USER_ID, AttributeValue.fromS(put.userId()),
                        ItemAttributes.MEDIA_ID, AttributeValue.fromS(put.mediaId())))
                .conditionExpression(SOURCE_HAS_TAG)
                .expressionAttributeNames(Map.of("#tags", ItemAttributes.TAGS))
                .expressionAttributeValues(Map.of(":tag", AttributeValue.fromS(put.tag())))).build();
        dynamoDb.transactWriteItems(r -> r.transactItems(indexItem, sourceStillTagged));
    }

    private void delete(IndexWrite delete) {
        dynamoDb.deleteItem(r -> r.tableName(indexTable)
                .key(Map.of(IndexAttributes.USER_TAG, AttributeValue.fromS(delete.userTag()),
                        IndexAttributes.MEDIA_ID, AttributeValue.fromS(delete.mediaId())))
                .conditionExpression(DELETE_CONDITION)
                .expressionAttributeNames(Map.of("#so", IndexAttributes.SEQUENCER_ORDER))
                .expressionAttributeValues(guard(delete)));
    }

    /** A conflict or throttle also cancels a transaction; only failed conditions mean "already newer". */
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

    private static Map<String, AttributeValue> guard(IndexWrite write) {
        return Map.of(":guard", AttributeValue.fromS(write.guardOrder()));
    }
}
