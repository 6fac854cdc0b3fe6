package dev.mediapipeline.extract.read;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Random access to a {@link ByteSource} in fixed blocks with a small LRU cache: parsers that jump around a
 * header re-read cached blocks for free, runs of missing blocks are fetched with one request, and every
 * fetched byte is counted ({@link #bytesRead()}) and charged against the byte budget. The time budget is
 * checked on every read.
 *
 * <p>Failures that must end extraction (budget exceeded, object changed or gone, source unreadable) are sticky: once one is
 * thrown, every later read throws it again, and {@link #failure()} reports it even when a library caught
 * and swallowed the first throw.
 *
 * <p>Not thread-safe: one reader per extraction.
 */
public final class BlockReader {

    static final int BLOCK_SIZE = 64 * 1024;
    private static final int CACHED_BLOCKS = 32;
    /** Larger reads go straight to the caller's buffer in slices of this size, not through the cache. */
    private static final int MAX_REQUEST = 8 << 20;
    /** Exact fetches up to this long are kept for the read that follows them ({@link #readExact}). */
    private static final int MAX_HEADER = 64;

    private final ByteSource source;
    private final ExtractionLimits limits;
    private final long deadlineNanos;
    private final long size;
    private final Map<Long, byte[]> cache = new LinkedHashMap<>(CACHED_BLOCKS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };
    /**
     * The last small exact fetch: a walker reads a header (16 bytes, in case of a 64-bit size), then the
     * payload from where the header really ended, so that payload's first bytes come from here.
     */
    private long lastHeaderAt = -1;
    private byte[] lastHeader = new byte[0];
    private long bytesRead;
    private RuntimeException failure;

    public BlockReader(ByteSource source, ExtractionLimits limits) throws IOException {
        this.source = source;
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.timeout().toNanos();
        this.size = source.size();
    }

    public long size() {
        return size;
    }

    public String name() {
        return source.name();
    }

    /** Bytes fetched from the source so far (cache hits are free). */
    public long bytesRead() {
        return bytesRead;
    }

    /** The sticky failure that stopped reading, if any. */
    public RuntimeException failure() {
        return failure;
    }

    /**
     * Reads up to {@code length} bytes at {@code position}; fewer only at the end of the object.
     * Returns -1 at or beyond the end.
     */
    public int read(long position, byte[] target, int offset, int length) throws IOException {
        checkBudgets(0);
        if (position >= size || position < 0) {
            return -1;
        }
        int wanted = (int) Math.min(length, size - position);
        if (wanted >= 4 * BLOCK_SIZE) {
            return readDirect(position, target, offset, wanted);
        }
        readThroughBlocks(position, target, offset, wanted);
        return wanted;
    }

    /** Copies from the blocks that hold these bytes, fetching the missing ones into the cache. */
    private void readThroughBlocks(long position, byte[] target, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            long at = position + done;
            long blockIndex = at / BLOCK_SIZE;
            byte[] block = block(blockIndex, position + length);
            int inBlock = (int) (at - blockIndex * BLOCK_SIZE);
            int n = Math.min(length - done, block.length - inBlock);
            System.arraycopy(block, inBlock, target, offset + done, n);
            done += n;
        }
    }

    /** Exactly {@code length} bytes at {@code position}, or EOFException. */
    public byte[] readFully(long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        int n = read(position, bytes, 0, length);
        if (n != length) {
            throw new EOFException(name() + ": wanted " + length + " bytes at " + position + ", object has " + size);
        }
        return bytes;
    }

    /**
     * Exactly these bytes: what cached blocks at either end hold comes from the cache, what the last small
     * exact fetch (a header) holds from there, the rest is fetched as one exact range that is not cached. Box walkers use this to hop from header to header across large
     * payloads without pulling a whole block at every stop, and without fetching again what they already have.
     */
    public byte[] readExact(long position, int length) throws IOException {
        checkBudgets(0);
        if (position < 0 || position + length > size) {
            throw new EOFException(name() + ": wanted " + length + " bytes at " + position + ", object has " + size);
        }
        byte[] bytes = new byte[length];
        long from = position;
        long to = position + length;
        while (from < to && cache.containsKey(from / BLOCK_SIZE)) {
            from = Math.min(to, (from / BLOCK_SIZE + 1) * BLOCK_SIZE);
        }
        while (to > from && cache.containsKey((to - 1) / BLOCK_SIZE)) {
            to = Math.max(from, (to - 1) / BLOCK_SIZE * BLOCK_SIZE);
        }
        long fetchFrom = from;
        if (lastHeaderAt >= 0 && from >= lastHeaderAt && from < lastHeaderAt + lastHeader.length) {
            fetchFrom = Math.min(to, lastHeaderAt + lastHeader.length);
            System.arraycopy(lastHeader, (int) (from - lastHeaderAt), bytes, (int) (from - position),
                    (int) (fetchFrom - from));
        }
        if (to > fetchFrom) {
            readDirect(fetchFrom, bytes, (int) (fetchFrom - position), (int) (to - fetchFrom));
            if (to - fetchFrom <= MAX_HEADER) {
                lastHeaderAt = fetchFrom;
                lastHeader = Arrays.copyOfRange(bytes, (int) (fetchFrom - position), (int) (to - position));
            }
        }
        // Whatever lies outside [from, to) is in cached blocks.
        readThroughBlocks(position, bytes, 0, (int) (from - position));
        readThroughBlocks(to, bytes, (int) (to - position), (int) (position + length - to));
        return bytes;
    }

    /** An InputStream over the whole object whose skip() moves without fetching. */
    public InputStream openStream() {
        return openStream(size);
    }

    /** The same over the first {@code limit} bytes only. */
    public InputStream openStream(long limit) {
        return new SeekableInputStream(this, Math.min(limit, size));
    }

    private int readDirect(long position, byte[] target, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = Math.min(length - done, MAX_REQUEST);
            fetch(position + done, target, offset + done, n);
            done += n;
        }
        return done;
    }

    /**
     * The block at {@code index}; when it is missing, the following missing blocks up to {@code until} are
     * fetched with the same request.
     */
    private byte[] block(long index, long until) throws IOException {
        byte[] cached = cache.get(index);
        if (cached != null) {
            return cached;
        }
        long lastIndex = index;
        long lastNeeded = (until - 1) / BLOCK_SIZE;
        while (lastIndex < lastNeeded && !cache.containsKey(lastIndex + 1)) {
            lastIndex++;
        }
        long start = index * BLOCK_SIZE;
        long end = Math.min(size, (lastIndex + 1) * BLOCK_SIZE);
        byte[] run = new byte[(int) (end - start)];
        fetch(start, run, 0, run.length);
        byte[] first = null;
        for (long i = index; i <= lastIndex; i++) {
            int from = (int) ((i - index) * BLOCK_SIZE);
            int to = (int) Math.min(run.length, from + (long) BLOCK_SIZE);
            byte[] block = java.util.Arrays.copyOfRange(run, from, to);
            cache.put(i, block);
            if (first == null) {
                first = block;
            }
        }
        return first;
    }

    private void fetch(long position, byte[] target, int offset, int length) throws IOException {
        checkBudgets(length);
        bytesRead += length;
        try {
            source.readFully(position, target, offset, length);
        } catch (ObjectChangedException | ObjectGoneException e) {
            failure = e;
            throw e;
        } catch (IOException | RuntimeException e) {
            failure = new SourceReadException("reading " + length + " bytes at " + position + " of " + name()
                    + " failed: " + e.getMessage(), e);
            throw failure;
        }
    }

    private void checkBudgets(long aboutToFetch) {
        if (failure != null) {
            throw failure;
        }
        if (bytesRead + aboutToFetch > limits.maxBytesRead()) {
            failure = new ExtractionLimitException(ExtractionLimitException.Limit.BYTES,
                    "reading " + name() + " needs more than " + limits.maxBytesRead() + " bytes");
            throw failure;
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            failure = new ExtractionLimitException(ExtractionLimitException.Limit.TIME,
                    "reading " + name() + " took longer than " + limits.timeout());
            throw failure;
        }
    }
}
