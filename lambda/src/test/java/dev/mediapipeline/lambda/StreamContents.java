package dev.mediapipeline.lambda;

import dev.mediapipeline.common.aws.AwsClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/** What the UserMedia stream holds, read with GetRecords. Needs nothing beyond the Lambda package's libraries. */
final class StreamContents {

    private StreamContents() {
    }

    static String streamArn(AwsClients clients) {
        return clients.dynamoDb().describeTable(r -> r.tableName(clients.config().mediaTable())).table()
                .latestStreamArn();
    }

    /** Every record the stream holds now, shard by shard in the order DescribeStream lists them. */
    static List<Record> records(AwsClients clients) {
        var streams = clients.dynamoDbStreams();
        String arn = streamArn(clients);
        List<Record> records = new ArrayList<>();
        streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().forEach(shard -> {
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var response = streams.getRecords(r -> r.shardIterator(current));
                records.addAll(response.records());
                iterator = response.records().isEmpty() ? null : response.nextShardIterator();
            }
        });
        return records;
    }
}
