package dev.mediapipeline.extract.image;

import com.drew.lang.RandomAccessReader;
import dev.mediapipeline.extract.read.BlockReader;
import java.io.EOFException;
import java.io.IOException;

/**
 * metadata-extractor's random-access view over a {@link BlockReader}: TIFF-based files keep their IFDs
 * anywhere (often after the image data), so the TIFF reader jumps to them instead of streaming the file.
 *
 * <p>The view reaches {@link #MISSING_NEXT_IFD} zero bytes past the end of the object: a minimal TIFF may end
 * right after its last IFD entry, without the 4-byte offset of the next IFD. metadata-extractor then rejects
 * the whole IFD as "illegally sized"; exiftool reads it, and so do we, with the missing offset read as 0 (the
 * end of the IFD chain).
 */
final class BlockRandomAccessReader extends RandomAccessReader {

    static final int MISSING_NEXT_IFD = 4;

    private final BlockReader reader;
    private final long size;
    private final long length;

    BlockRandomAccessReader(BlockReader reader) {
        this.reader = reader;
        this.size = Math.min(reader.size(), Integer.MAX_VALUE - MISSING_NEXT_IFD);
        this.length = size + MISSING_NEXT_IFD;
    }

    @Override
    public int toUnshiftedOffset(int localOffset) {
        return localOffset;
    }

    @Override
    public byte getByte(int index) throws IOException {
        return getBytes(index, 1)[0];
    }

    @Override
    public byte[] getBytes(int index, int count) throws IOException {
        validateIndex(index, count);
        int inObject = (int) Math.max(0, Math.min(count, size - index));
        if (inObject == count) {
            return reader.readFully(index, count);
        }
        byte[] bytes = new byte[count];
        if (inObject > 0) {
            System.arraycopy(reader.readFully(index, inObject), 0, bytes, 0, inObject);
        }
        return bytes;
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
