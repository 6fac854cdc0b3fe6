package dev.mediapipeline.extract.matroska;

import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;
import java.nio.BufferUnderflowException;

/** An EBML element header read from the object: id, data size and where its data starts. */
record ElementHeader(long id, long start, long dataStart, long size) {

    /** Id (≤ 4 bytes) and size (≤ 8 bytes) fit in 12 bytes. */
    private static final int MAX_HEADER = 12;

    long end() {
        return dataStart + size;
    }

    /** The header at {@code position}, or null when the bytes there are not one. */
    static ElementHeader at(BlockReader reader, long position) throws IOException {
        int n = (int) Math.min(MAX_HEADER, reader.size() - position);
        if (n < 2) {
            return null;
        }
        EbmlCursor c = EbmlCursor.of(reader.readExact(position, n));
        try {
            long id = c.id();
            long size = c.size();
            return new ElementHeader(id, position, position + c.position(), size);
        } catch (BufferUnderflowException e) {
            return null;
        }
    }

    /** The element's data, cut to what the object holds. */
    EbmlCursor read(BlockReader reader) throws IOException {
        long available = Math.max(0, Math.min(size, reader.size() - dataStart));
        return EbmlCursor.of(reader.readExact(dataStart, (int) available));
    }
}
