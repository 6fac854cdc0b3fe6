package dev.mediapipeline.extract.image;

import com.drew.lang.RandomAccessReader;
import dev.mediapipeline.extract.read.BlockReader;
import java.io.EOFException;
import java.io.IOException;

/**
 * metadata-extractor's random-access view over a {@link BlockReader}: TIFF-based files keep their IFDs
 * anywhere (often after the image data), so the TIFF reader jumps to them instead of streaming the file.
 */
final class BlockRandomAccessReader extends RandomAccessReader {

    private final BlockReader reader;
    private final long length;

    BlockRandomAccessReader(BlockReader reader) {
        this.reader = reader;
        this.length = Math.min(reader.size(), Integer.MAX_VALUE);
    }

    @Override
    public int toUnshiftedOffset(int localOffset) {
        return localOffset;
    }

    @Override
    public byte getByte(int index) throws IOException {
        validateIndex(index, 1);
        return reader.readFully(index, 1)[0];
    }

    @Override
    public byte[] getBytes(int index, int count) throws IOException {
        validateIndex(index, count);
        return reader.readFully(index, count);
    }

    @Override
    protected void validateIndex(int index, int bytesRequested) throws IOException {
        if (!isValidIndex(index, bytesRequested)) {
            throw new EOFException("attempt to read " + bytesRequested + " bytes at " + index + " of " + length);
        }
    }

    @Override
    protected boolean isValidIndex(int index, int bytesRequested) {
        return bytesRequested >= 0 && index >= 0 && (long) index + bytesRequested <= length;
    }

    @Override
    public long getLength() {
        return length;
    }
}
