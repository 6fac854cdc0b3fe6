package dev.mediapipeline.extract.read;

import java.io.IOException;
import java.io.InputStream;

/**
 * An InputStream over a {@link BlockReader}. Libraries that skip over data they do not want (image data,
 * mdat) cost nothing: skip() only moves the position. Supports mark/reset, which format detectors use.
 */
final class SeekableInputStream extends InputStream {

    private final BlockReader reader;
    private final long end;
    private long position;
    private long mark;

    SeekableInputStream(BlockReader reader, long end) {
        this.reader = reader;
        this.end = end;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int n = reader.read(position, b, off, (int) Math.min(len, end - position));
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    /** At most one block: callers that size buffers from available() must not allocate the whole object. */
    @Override
    public int available() {
        return (int) Math.min(BlockReader.BLOCK_SIZE, Math.max(0, end - position));
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
        mark = position;
    }

    @Override
    public synchronized void reset() {
        position = mark;
    }
}
