package dev.mediapipeline.bench.pipeline;

import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;

import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.indexer.projection.IndexAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Waits until one user's items and live tag-index entries are all gone, as a client polling the tables would
 * see it: a COUNT Query of each (an index entry's removal marker, which carries ExpiresAt, is not live).
 */
final class Departures {

    private Departures() {
    }

    /** False when something is still there after {@code timeout}. */
    static boolean await(DynamoDbClient dynamoDb, PipelineConfig config, String user, String tag, Duration poll,
                         Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (count(dynamoDb, config.mediaTable(), USER_ID, user, null) == 0
                    && count(dynamoDb, config.tagIndexTable(), IndexAttributes.USER_TAG, user + "#" + tag,
                    IndexAttributes.LIVE_ONLY) == 0) {
                return true;
            }
            Thread.sleep(poll.toMillis());
        }
        return false;
    }

    private static int count(DynamoDbClient dynamoDb, String table, String hashKey, String hashValue, String filter) {
        return dynamoDb.queryPaginator(r -> r.tableName(table).select(Select.COUNT).filterExpression(filter)
                        .keyConditionExpression("#h = :h").expressionAttributeNames(Map.of("#h", hashKey))
                        .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(hashValue))))
                .stream().mapToInt(page -> page.count()).sum();
    }
}
