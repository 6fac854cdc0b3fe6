package dev.mediapipeline.localaws.dynamodb.streams;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One live stream. Every change (a record, a roll-over, trimming, disabling) happens under the stream's
 * lock, so record numbers are handed out in the order records are stored and a reader never sees a gap
 * that is filled later. Readers take the immutable {@link #state()} without the lock; they take it
 * briefly only to bring the stream up to date with the clock first.
 */
final class Stream {

    private final ReentrantLock lock = new ReentrantLock();
    private final StreamStorage storage;
    private final StreamsOptions options;
    private volatile StreamState state;
    /** The number of the last record, or of the last closed shard's end; guarded by {@link #lock}. */
    private long lastSequence;

    Stream(StreamStorage storage, StreamsOptions options, StreamState state) {
        this.storage = storage;
        this.options = options;
        this.state = state;
        this.lastSequence = storage.lastSequence(state.arn());
    }

    /** A new stream with its first shard, stored. */
    static Stream create(StreamStorage storage, StreamsOptions options, StreamState withoutShards) {
        StreamState state = withoutShards.withShards(List.of(newShard(null, withoutShards.createdAt(), 1)));
        storage.save(state);
        return new Stream(storage, options, state);
    }

    StreamState state() {
        return state;
    }

    void append(ItemChange change, long now) {
        lock.lock();
        try {
            maintain(now);
            if (!state.enabled()) {
                return;
            }
            long sequence = ++lastSequence;
            storage.append(state.arn(), sequence, now, StreamRecords.build(state, change, sequence, now));
            storage.setLastSequence(state.arn(), sequence);
        } finally {
            lock.unlock();
        }
    }

    /** Rolls shards over and trims old records as of {@code now}; answers the state after. */
    StreamState refresh(long now) {
        lock.lock();
        try {
            maintain(now);
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** Where a LATEST iterator starts: after the shard's last record so far. */
    long latestPosition(Shard shard) {
        if (!shard.isOpen()) {
            return shard.end() + 1;
        }
        lock.lock();
        try {
            return Math.max(lastSequence + 1, shard.start());
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code limit} records from number {@code from} on, whichever shard they are in; no lock. */
    List<StreamStorage.Stored> read(long from, int limit) {
        return storage.read(state.arn(), from, limit);
    }

    /** The highest record number handed out so far. */
    long lastSequence() {
        lock.lock();
        try {
            return lastSequence;
        } finally {
            lock.unlock();
        }
    }

    void disable(long now) {
        lock.lock();
        try {
            maintain(now);
            Shard open = state.openShard();
            StreamState after = open == null ? state : state.closeOpenShard(closeAt(open, now), null);
            state = after.disabled();
            storage.save(state);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the stream is disabled and all its shards have aged out, so it no longer exists. */
    boolean isGone() {
        StreamState current = state;
        return !current.enabled() && current.shards().isEmpty();
    }

    private void maintain(long now) {
        StreamState before = state;
        rollOver(now);
        trim(now);
        if (state != before) {
            if (isGone()) {
                storage.delete(state.arn());
            } else {
                storage.save(state);
            }
        }
    }

    /**
     * Closes the open shard once its lifetime is over and opens its child. After a long idle time one
     * child is opened, at the latest point the schedule would have opened one, rather than a chain of
     * empty shards.
     */
    private void rollOver(long now) {
        Shard open = state.openShard();
        long lifetime = options.shardLifetime().toMillis();
        if (!state.enabled() || open == null || now < open.createdAt() + lifetime) {
            return;
        }
        long at = open.createdAt() + (now - open.createdAt()) / lifetime * lifetime;
        Shard closed = closeAt(open, at);
        state = state.closeOpenShard(closed, newShard(open.id(), at, closed.end() + 1));
    }

    /**
     * Closes a shard after its last record. An empty shard still gets an end, its start, which is then
     * used up so the next shard's numbers stay above it.
     */
    private Shard closeAt(Shard open, long at) {
        lastSequence = Math.max(lastSequence, open.start());
        storage.setLastSequence(state.arn(), lastSequence);
        return open.close(lastSequence, at);
    }

    /** Drops records older than the retention, and closed shards whose records all have. */
    private void trim(long now) {
        long cutoff = now - options.retention().toMillis();
        long trimmed = storage.trimBefore(state.arn(), cutoff);
        List<Shard> remaining = state.shards().stream()
                .filter(s -> s.isOpen() || s.closedAt() >= cutoff)
                .toList();
        if (trimmed > 0 || remaining.size() != state.shards().size()) {
            state = state.trimmedThrough(Math.max(trimmed, state.trimmedThrough()), remaining);
        }
    }

    /** Shard ids as DynamoDB forms them: creation time in 20 digits and 8 random hex digits. */
    private static Shard newShard(String parentId, long createdAt, long start) {
        String id = String.format("shardId-%020d-%08x", createdAt, ThreadLocalRandom.current().nextInt());
        return new Shard(id, parentId, createdAt, start, null, null);
    }
}
