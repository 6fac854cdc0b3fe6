package dev.mediapipeline.extract.read;

import java.io.Closeable;
import java.io.IOException;

/**
 * Random access to the bytes of one object, local or remote. Parsers never see this directly: they read
 * through a {@link BlockReader}, which caches, counts and budgets the fetches made here.
 */
public interface ByteSource extends Closeable {

    /** Total length of the object in bytes. */
    long size() throws IOException;

    /**
     * Reads exactly {@code length} bytes starting at {@code position} into {@code target[offset..]}.
     * Callers never ask beyond {@link #size()}.
     */
    void readFully(long position, byte[] target, int offset, int length) throws IOException;

    /** A human-readable name for messages (path or s3:// URI). */
    String name();

    @Override
    default void close() throws IOException {
    }
}
