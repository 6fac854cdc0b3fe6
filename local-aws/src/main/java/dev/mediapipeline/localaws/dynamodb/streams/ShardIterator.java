package dev.mediapipeline.localaws.dynamodb.streams;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a shard, handed to clients as an opaque string. It carries everything needed to resume
 * (stream, shard, next record number, creation time), so iterators stay valid across a restart. Like
 * DynamoDB's, the string starts with the stream ARN.
 *
 * @param position the number of the first record a GetRecords with this iterator returns
 */
record ShardIterator(String streamArn, String shardId, long position, long createdAt) {

    private static final String SEPARATOR = "|1|";

    String encode() {
        String payload = shardId + "|" + position + "|" + createdAt;
        return streamArn + SEPARATOR + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    static ShardIterator decode(String text) {
        int at = text.indexOf(SEPARATOR);
        if (at <= 0) {
            throw invalid();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(text.substring(at + SEPARATOR.length())),
                    StandardCharsets.UTF_8);
            String[] parts = payload.split("\\|");
            if (parts.length != 3) {
                throw invalid();
            }
            return new ShardIterator(text.substring(0, at), parts[0], Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]));
        } catch (IllegalArgumentException notOurs) {
            throw invalid();
        }
    }

    ShardIterator at(long newPosition, long now) {
        return new ShardIterator(streamArn, shardId, newPosition, now);
    }

    private static DynamoDbException invalid() {
        return DynamoDbException.validation("Invalid ShardIterator");
    }
}
