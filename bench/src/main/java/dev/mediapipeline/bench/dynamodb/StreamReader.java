package dev.mediapipeline.bench.dynamodb;

import dev.mediapipeline.bench.ClosedLoop;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a whole stream from the trim horizon, one GetRecords per call, shard after shard, and starts over
 * once every shard has been read to its end (a closed shard's or an open shard's last record).
 */
final class StreamReader implements ClosedLoop.Operation {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final List<String> shardIds;
    private int shard;
    private String iterator;

    /** Starts at shard {@code first} modulo their number, so that threads spread over the shards. */
    StreamReader(DynamoDbStreamsClient streams, String streamArn, int first) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.shardIds = shardIds(streams, streamArn);
        this.shard = first % shardIds.size();
    }

    /** One GetRecords, after a GetShardIterator when a shard is started: returns the records read. */
    @Override
    public long call(long index) {
        if (iterator == null) {
            iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardIds.get(shard))
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        }
        GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(iterator));
        iterator = page.records().isEmpty() ? null : page.nextShardIterator();
        if (iterator == null) {
            shard = (shard + 1) % shardIds.size();
        }
        return page.records().size();
    }

    private static List<String> shardIds(DynamoDbStreamsClient streams, String streamArn) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            String start = after;
            StreamDescription stream = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(start))
                    .streamDescription();
            stream.shards().stream().map(Shard::shardId).forEach(ids::add);
            after = stream.lastEvaluatedShardId();
        } while (after != null);
        if (ids.isEmpty()) {
            throw new IllegalStateException("stream " + streamArn + " has no shards");
        }
        return ids;
    }
}
