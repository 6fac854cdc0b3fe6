package dev.mediapipeline.localaws.dynamodb.storage;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/** Items (or index entries) under their encoded keys, in key order: one table's or one index's. */
public final class SortedItems {

    private final MVMap<byte[], byte[]> map;
    /** DynamoDB's size of all items here: kept up to date by every write, summed once on opening. */
    private final AtomicLong sizeBytes = new AtomicLong();

    SortedItems(MVMap<byte[], byte[]> map) {
        this.map = map;
        map.values().forEach(stored -> sizeBytes.addAndGet(ItemCodec.size(stored)));
    }

    /** The item stored under {@code key}, or null. */
    public Map<String, Value> get(byte[] key) {
        byte[] stored = map.get(key);
        return stored == null ? null : ItemCodec.decode(stored);
    }

    /** Stores an item; writes to one key must be serialised by the caller (see {@link ItemLocks}). */
    public void put(byte[] key, Map<String, Value> item) {
        byte[] stored = ItemCodec.encode(item);
        sizeBytes.addAndGet(ItemCodec.size(stored) - sizeOf(map.put(key, stored)));
    }

    public void remove(byte[] key) {
        sizeBytes.addAndGet(-sizeOf(map.remove(key)));
    }

    public long count() {
        return map.sizeAsLong();
    }

    public long sizeBytes() {
        return sizeBytes.get();
    }

    private static int sizeOf(byte[] stored) {
        return stored == null ? 0 : ItemCodec.size(stored);
    }

    /**
     * The entries with keys in [{@code low}, {@code high}) (either bound null for open), ascending or
     * descending, starting after {@code exclusiveStart} when it is not null.
     */
    public Iterator<Entry> range(byte[] low, byte[] high, boolean ascending, byte[] exclusiveStart) {
        byte[] from = exclusiveStart != null ? exclusiveStart : ascending ? low : lastBelow(high);
        Cursor<byte[], byte[]> cursor = map.cursor(from, null, !ascending);
        return new Iterator<>() {
            private Entry next = advance();

            private Entry advance() {
                while (cursor.hasNext()) {
                    byte[] key = cursor.next();
                    if (exclusiveStart != null && Arrays.equals(key, exclusiveStart)) {
                        continue;
                    }
                    boolean tooHigh = high != null && Arrays.compareUnsigned(key, high) >= 0;
                    boolean tooLow = low != null && Arrays.compareUnsigned(key, low) < 0;
                    if (ascending ? tooHigh : tooLow) {
                        return null;
                    }
                    if (tooHigh || tooLow) {
                        continue;
                    }
                    return new Entry(key, cursor.getValue());
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Entry next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Entry current = next;
                next = advance();
                return current;
            }
        };
    }

    private byte[] lastBelow(byte[] high) {
        return high == null ? null : map.lowerKey(high);
    }

    /** One stored entry; the item is decoded only when asked for, and its size is known without. */
    public record Entry(byte[] key, byte[] encodedItem) {

        public Map<String, Value> item() {
            return ItemCodec.decode(encodedItem);
        }

        /** The item's size as DynamoDB counts it ({@link Value#itemSize}). */
        public int size() {
            return ItemCodec.size(encodedItem);
        }
    }
}
