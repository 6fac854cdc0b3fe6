package dev.mediapipeline.extract.image;

import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Samsung's trailer after the JPEG image data: named blocks, then a directory "SEFH" (version, count, 12-byte
 * entries: 2 reserved bytes, type, offset back from the directory, length), then its length and "SEFT" as the
 * file's last 8 bytes. A motion photo's video is the block named "MotionPhoto_Data"; each block starts with
 * 2 reserved bytes, its type, the name's length and the name. All little-endian; read from the end, so only
 * the trailer's few hundred bytes are fetched.
 */
final class SamsungTrailer {

    private static final String VIDEO = "MotionPhoto_Data";
    private static final int MAX_DIRECTORY = 1 << 16;

    private SamsungTrailer() {
    }

    /** {first byte, end} of the video, or null when there is no trailer or no video in it. */
    static long[] video(BlockReader reader) throws IOException {
        long[] block = videoBlock(reader);
        return block == null ? null : new long[] {block[0] + 8 + VIDEO.length(), block[0] + block[1]};
    }

    /** {start, length} of the video's named block. */
    private static long[] videoBlock(BlockReader reader) throws IOException {
        long size = reader.size();
        if (size < 16) {
            return null;
        }
        ByteBuffer tail = le(reader.readExact(size - 8, 8));
        int directoryLength = tail.getInt();
        if (tail.get() != 'S' || tail.get() != 'E' || tail.get() != 'F' || tail.get() != 'T'
                || directoryLength < 12 || directoryLength > MAX_DIRECTORY || directoryLength > size - 8) {
            return null;
        }
        long directoryStart = size - 8 - directoryLength;
        ByteBuffer dir = le(reader.readExact(directoryStart, directoryLength));
        if (dir.get() != 'S' || dir.get() != 'E' || dir.get() != 'F' || dir.get() != 'H') {
            return null;
        }
        dir.getInt();
        int count = dir.getInt();
        for (int i = 0; i < count && dir.remaining() >= 12; i++) {
            dir.getShort();
            dir.getShort();
            long back = dir.getInt() & 0xffffffffL;
            long length = dir.getInt() & 0xffffffffL;
            long start = directoryStart - back;
            if (start >= 0 && length > 8 + VIDEO.length() && start + length <= directoryStart && named(reader, start)) {
                return new long[] {start, length};
            }
        }
        return null;
    }

    private static boolean named(BlockReader reader, long start) throws IOException {
        ByteBuffer header = le(reader.readExact(start, 8 + VIDEO.length()));
        header.position(4);
        if (header.getInt() != VIDEO.length()) {
            return false;
        }
        byte[] name = new byte[VIDEO.length()];
        header.get(name);
        return VIDEO.equals(new String(name, StandardCharsets.US_ASCII));
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
