package dev.mediapipeline.localaws.dynamodb.streams;

import java.util.ArrayList;
import java.util.List;

/**
 * What a stream is at one moment, immutable so readers can use it without the stream's lock. Shards are
 * in creation order, the open one (if any) last. {@code trimmedThrough} is the highest record number
 * removed by retention (0 when none); times are epoch millis.
 */
record StreamState(String arn, String label, String tableName, String tableArn, String viewType,
                   List<KeyAttribute> keySchema, long createdAt, boolean enabled, List<Shard> shards,
                   long trimmedThrough) {

    StreamState {
        keySchema = List.copyOf(keySchema);
        shards = List.copyOf(shards);
    }

    /** The region the table lives in, which each record names. */
    String region() {
        return tableArn.split(":")[3];
    }

    Shard openShard() {
        Shard last = shards.isEmpty() ? null : shards.get(shards.size() - 1);
        return last != null && last.isOpen() ? last : null;
    }

    Shard shard(String id) {
        return shards.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    StreamState withShards(List<Shard> newShards) {
        return new StreamState(arn, label, tableName, tableArn, viewType, keySchema, createdAt, enabled, newShards,
                trimmedThrough);
    }

    /** Replaces the open shard by its closed form, and appends {@code next} when given. */
    StreamState closeOpenShard(Shard closed, Shard next) {
        List<Shard> newShards = new ArrayList<>(shards.subList(0, shards.size() - 1));
        newShards.add(closed);
        if (next != null) {
            newShards.add(next);
        }
        return withShards(newShards);
    }

    StreamState disabled() {
        return new StreamState(arn, label, tableName, tableArn, viewType, keySchema, createdAt, false, shards,
                trimmedThrough);
    }

    StreamState trimmedThrough(long counter, List<Shard> remaining) {
        return new StreamState(arn, label, tableName, tableArn, viewType, keySchema, createdAt, enabled, remaining,
                counter);
    }
}
