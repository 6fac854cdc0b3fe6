package dev.mediapipeline.localaws.dynamodb.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * Byte-string keys ordered unsigned, byte by byte: the order {@link KeyEncoding} makes equal to
 * DynamoDB's key order. MVStore's own byte-array type stores but does not compare.
 */
final class UnsignedBytesType extends BasicDataType<byte[]> {

    static final UnsignedBytesType INSTANCE = new UnsignedBytesType();

    private UnsignedBytesType() {
    }

    @Override
    public int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    @Override
    public int getMemory(byte[] bytes) {
        return ByteArrayDataType.INSTANCE.getMemory(bytes);
    }

    @Override
    public void write(WriteBuffer buffer, byte[] bytes) {
        ByteArrayDataType.INSTANCE.write(buffer, bytes);
    }

    @Override
    public byte[] read(ByteBuffer buffer) {
        return ByteArrayDataType.INSTANCE.read(buffer);
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }
}
