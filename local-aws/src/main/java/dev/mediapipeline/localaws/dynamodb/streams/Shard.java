package dev.mediapipeline.localaws.dynamodb.streams;

/**
 * One shard of a stream. Its records are the stream's records numbered from {@code start} to {@code end}
 * (inclusive); {@code end} and {@code closedAt} are null while the shard is open. Times are epoch millis.
 */
record Shard(String id, String parentId, long createdAt, long start, Long end, Long closedAt) {

    boolean isOpen() {
        return end == null;
    }

    Shard close(long endSequence, long at) {
        return new Shard(id, parentId, createdAt, start, endSequence, at);
    }
}
