package dev.mediapipeline.ingest.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** What downstream readers of the UserMedia stream see for one item, read from the trim horizon. */
final class UserMediaStream {

    private UserMediaStream() {
    }

    /** The event names (INSERT, MODIFY, REMOVE) of every stream record of the item, oldest first. */
    static List<String> eventsFor(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table,
                                  String user, String mediaId) {
        Map<String, AttributeValue> key = Map.of("UserId", AttributeValue.fromS(user),
                "MediaId", AttributeValue.fromS(mediaId));
        String arn = dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        List<String> events = new ArrayList<>();
        for (Shard shard : streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String at = iterator;
                var page = streams.getRecords(r -> r.shardIterator(at).limit(1000));
                for (Record record : page.records()) {
                    if (key.equals(record.dynamodb().keys())) {
                        events.add(record.eventNameAsString());
                    }
                }
                // An open shard never ends; an empty page means its end for now.
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return events;
    }
}
