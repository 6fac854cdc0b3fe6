package dev.mediapipeline.extract.testing;

import dev.mediapipeline.extract.read.BlockReader;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.FileByteSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes written out by hand for parser tests, as the box and element tests of metadata-extractor do: big-
 * or little-endian integers, four-character codes, and ISO-BMFF boxes; and a file that holds them.
 */
public final class HandMade {

    private HandMade() {
    }

    /** The given byte values (0..255). */
    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] u16(int v) {
        return ByteBuffer.allocate(2).putShort((short) v).array();
    }

    public static byte[] u32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    public static byte[] u64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    public static byte[] le16(int v) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
    }

    public static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** An ISO-BMFF box with a 32-bit size. */
    public static byte[] box(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return concat(u32(8 + body.length), ascii(type), body);
    }

    /** An ISO-BMFF box with size 1 and a 64-bit largesize after the type. */
    public static byte[] largeBox(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return concat(u32(1), ascii(type), u64(16 + body.length), body);
    }

    /** The bytes as a file in {@code dir}, opened the way the extractor opens objects. */
    public static BlockReader reader(Path dir, byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "hand-made", ".bin");
        Files.write(file, content);
        return new BlockReader(new FileByteSource(file), ExtractionLimits.defaults());
    }
}
