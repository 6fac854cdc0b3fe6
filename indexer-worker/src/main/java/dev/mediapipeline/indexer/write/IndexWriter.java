package dev.mediapipeline.indexer.write;

import dev.mediapipeline.indexer.projection.IndexAttributes;
import dev.mediapipeline.indexer.projection.IndexWrite;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Performs one {@link IndexWrite} as a single conditional PutItem or DeleteItem (BatchWriteItem cannot
 * carry conditions). A failed condition means the index already holds a newer image: that is success.
 */
public final class IndexWriter {

    private static final String PUT_CONDITION = "attribute_not_exists(#ut) OR #so <= :guard";
    private static final String DELETE_CONDITION = "#so <= :guard";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public IndexWriter(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** @return true if the write changed the index, false if a newer image had already won */
    public boolean apply(IndexWrite write) {
        try {
            if (write instanceof IndexWrite.Put put) {
                dynamoDb.putItem(r -> r.tableName(table)
                        .item(put.item())
                        .conditionExpression(PUT_CONDITION)
                        .expressionAttributeNames(Map.of("#ut", IndexAttributes.USER_TAG,
                                "#so", IndexAttributes.SEQUENCER_ORDER))
                        .expressionAttributeValues(guard(write)));
            } else {
                dynamoDb.deleteItem(r -> r.tableName(table)
                        .key(Map.of(IndexAttributes.USER_TAG, AttributeValue.fromS(write.userTag()),
                                IndexAttributes.MEDIA_ID, AttributeValue.fromS(write.mediaId())))
                        .conditionExpression(DELETE_CONDITION)
                        .expressionAttributeNames(Map.of("#so", IndexAttributes.SEQUENCER_ORDER))
                        .expressionAttributeValues(guard(write)));
            }
            return true;
        } catch (ConditionalCheckFailedException newerAlreadyIndexed) {
            return false;
        }
    }

    private static Map<String, AttributeValue> guard(IndexWrite write) {
        return Map.of(":guard", AttributeValue.fromS(write.guardOrder()));
    }
}
