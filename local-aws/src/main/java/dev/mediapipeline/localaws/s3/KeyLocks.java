package dev.mediapipeline.localaws.s3;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Striped locks per (bucket, key): a write and the sequencer of its event are taken under one lock, so
 * two overlapping writes of a key get sequencers in the order the store applied them.
 */
final class KeyLocks {

    private static final int STRIPES = 256;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    KeyLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    <T> T withLock(String bucket, String key, Supplier<T> action) {
        ReentrantLock lock = locks[Math.floorMod(31 * bucket.hashCode() + key.hashCode(), STRIPES)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
