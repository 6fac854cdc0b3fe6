package dev.mediapipeline.localaws.dynamodb.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * The one MVStore that holds every table, index and stream: on disk in {@code dynamodb.mv.db}, or in
 * memory. Writers call {@link #commit()} before they answer, so an acknowledged write is in the file
 * (the operating system's, at least) and survives the process being killed; MVStore's own background
 * commit only tidies up. Reads of its maps never lock.
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "dynamodb.mv.db";
    private static final String CATALOG = "catalog";

    private final MVStore store;

    private Database(MVStore store) {
        this.store = store;
    }

    public static Database inMemory() {
        return new Database(new MVStore.Builder().open());
    }

    public static Database inDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new Database(new MVStore.Builder().fileName(dir.resolve(FILE_NAME).toString()).open());
    }

    /** The store itself, for the streams service, so one commit covers an item and its stream record. */
    public MVStore store() {
        return store;
    }

    /** Table definitions by table name, as JSON. */
    public MVMap<String, String> catalog() {
        return store.openMap(CATALOG);
    }

    /** A map of items ordered by their encoded keys, created when missing. */
    public SortedItems sortedItems(String mapName) {
        return new SortedItems(store.openMap(mapName,
                new MVMap.Builder<byte[], byte[]>().keyType(UnsignedBytesType.INSTANCE)
                        .valueType(ByteArrayDataType.INSTANCE)));
    }

    public void drop(String mapName) {
        if (store.hasMap(mapName)) {
            store.removeMap(mapName);
        }
    }

    /**
     * Writes everything changed so far. Concurrent callers serialise inside MVStore; one that finds its
     * change already written by another's commit returns at once, so commits group under load.
     */
    public void commit() {
        store.commit();
    }

    @Override
    public void close() {
        store.close();
    }
}
