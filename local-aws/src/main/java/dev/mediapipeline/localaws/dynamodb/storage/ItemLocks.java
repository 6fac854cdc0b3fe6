package dev.mediapipeline.localaws.dynamodb.storage;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises writes to one item (a condition, its write, the index entries and the stream record
 * happen as one step) without one global lock: items hash onto a fixed set of striped locks. A
 * transaction takes all of its stripes in ascending order, so two transactions never deadlock.
 */
public final class ItemLocks {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public ItemLocks() {
        Arrays.setAll(locks, i -> new ReentrantLock());
    }

    /** Locks the stripes of the given items ({@code tableName} + encoded key each); close to unlock. */
    public Held lock(Collection<String> tableNames, Collection<byte[]> keys) {
        if (tableNames.size() != keys.size()) {
            throw new IllegalArgumentException("one table name per key");
        }
        var names = tableNames.iterator();
        int[] stripes = keys.stream().mapToInt(key -> stripe(names.next(), key)).sorted().distinct().toArray();
        for (int stripe : stripes) {
            locks[stripe].lock();
        }
        return () -> {
            for (int i = stripes.length - 1; i >= 0; i--) {
                locks[stripes[i]].unlock();
            }
        };
    }

    public Held lock(String tableName, byte[] key) {
        return lock(List.of(tableName), List.of(key));
    }

    private static int stripe(String tableName, byte[] key) {
        return Math.floorMod(tableName.hashCode() * 31 + Arrays.hashCode(key), STRIPES);
    }

    /** Locks held until closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
