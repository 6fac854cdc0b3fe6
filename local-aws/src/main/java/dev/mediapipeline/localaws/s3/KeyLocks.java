package dev.mediapipeline.localaws.s3;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per (bucket, key) in use: a write and the sequencer of its event are taken under it, so two
 * overlapping writes of a key get sequencers in the order the store applied them. Locks are exact
 * (no striping), so a long upload never holds up writes of other keys; unused locks are dropped.
 */
final class KeyLocks {

    private final Map<String, CountedLock> locks = new ConcurrentHashMap<>();

    <T> T withLock(String bucket, String key, Supplier<T> action) {
        String id = bucket + '/' + key;
        CountedLock lock = locks.compute(id, (k, existing) -> (existing == null ? new CountedLock() : existing).acquire());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
            locks.computeIfPresent(id, (k, existing) -> existing.release());
        }
    }

    /** A lock and how many callers hold or wait for it; only mutated inside the map's compute. */
    private static final class CountedLock extends ReentrantLock {

        private static final long serialVersionUID = 1L;

        private int users;

        CountedLock acquire() {
            users++;
            return this;
        }

        /** @return this, or null (removing the entry) when no one uses it any more */
        CountedLock release() {
            users--;
            return users == 0 ? null : this;
        }
    }
}
