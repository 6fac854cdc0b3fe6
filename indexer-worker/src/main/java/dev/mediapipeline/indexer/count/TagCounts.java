package dev.mediapipeline.indexer.count;

import dev.mediapipeline.indexer.projection.IndexAttributes;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a (user, tag) count lives and how it is read. The count is spread over {@value #SHARDS} count items
 * under {@code UserTag} = the user id, {@code MediaId} = {@code <tag>#<k>}, so that one tag on every upload
 * does not make one item (and, on AWS, one transaction target) hot. The shard k of a media is a function of its
 * MediaId alone, so every write that flips one entry moves the same count item, and each count item is exactly
 * the number of live entries of its shard. Every count item carries {@code Tag}; a user's counts are the sums
 * per tag of one Query of partition {@code <UserId>}.
 */
public final class TagCounts {

    /**
     * Fixed: changing it moves later flips of existing media to other count items, so an index written with
     * another number has to be built again. Four count items take four times the writes and conflicts one
     * item takes (docs/scaling.md), which puts the limit of a hot tag above that of the user's own partition.
     */
    public static final int SHARDS = 4;

    private TagCounts() {
    }

    /** The sort key of the count item that counts {@code mediaId}'s entry of {@code tag}. */
    public static String countId(String tag, String mediaId) {
        // String.hashCode is fixed by the Java specification, so every process and version picks the same shard
        return tag + "#" + Math.floorMod(mediaId.hashCode(), SHARDS);
    }

    /**
     * The user's tags with how many live entries each has, summed over its count items; a tag no media
     * carries any more is there with 0. One Query of partition {@code userId}.
     */
    public static SortedMap<String, Long> read(DynamoDbClient dynamoDb, String table, String userId) {
        SortedMap<String, Long> counts = new TreeMap<>();
        dynamoDb.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression(IndexAttributes.USER_TAG + " = :u")
                        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId))))
                .items().forEach(item -> counts.merge(item.get(IndexAttributes.TAG).s(),
                        Long.parseLong(item.get(IndexAttributes.MEDIA_COUNT).n()), Long::sum));
        return counts;
    }
}
