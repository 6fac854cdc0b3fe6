package dev.mediapipeline.app.chaos;

import dev.mediapipeline.common.aws.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * What a downstream reader of the UserMedia stream sees for one item: DescribeStream, every shard from
 * TRIM_HORIZON, GetRecords until the shard has nothing more.
 */
final class StreamRecords {

    private StreamRecords() {
    }

    /** INSERT, MODIFY and REMOVE of the item, oldest first. */
    static List<String> of(AwsClients clients, String user, String mediaId) {
        Map<String, AttributeValue> key = Map.of("UserId", AttributeValue.fromS(user),
                "MediaId", AttributeValue.fromS(mediaId));
        String arn = clients.dynamoDb().describeTable(r -> r.tableName(clients.config().mediaTable())).table()
                .latestStreamArn();
        List<String> events = new ArrayList<>();
        String startShard = null;
        do {
            String from = startShard;
            var description = clients.dynamoDbStreams().describeStream(r -> r.streamArn(arn)
                    .exclusiveStartShardId(from)).streamDescription();
            for (Shard shard : description.shards()) {
                events.addAll(eventsIn(clients, arn, shard.shardId(), key));
            }
            startShard = description.lastEvaluatedShardId();
        } while (startShard != null);
        return events;
    }

    private static List<String> eventsIn(AwsClients clients, String arn, String shardId,
                                         Map<String, AttributeValue> key) {
        List<String> events = new ArrayList<>();
        String iterator = clients.dynamoDbStreams().getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        while (iterator != null) {
            String at = iterator;
            var page = clients.dynamoDbStreams().getRecords(r -> r.shardIterator(at).limit(1000));
            for (Record record : page.records()) {
                if (key.equals(record.dynamodb().keys())) {
                    events.add(record.eventNameAsString());
                }
            }
            // an open shard never ends: an empty page is its end for now
            iterator = page.records().isEmpty() ? null : page.nextShardIterator();
        }
        return events;
    }
}
