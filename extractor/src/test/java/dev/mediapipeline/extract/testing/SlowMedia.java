package dev.mediapipeline.extract.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Media that is slow to read for real, to hold a message longer than its visibility timeout. */
public final class SlowMedia {

    private SlowMedia() {
    }

    /**
     * An MP4 whose top-level boxes are 64-byte 'free' boxes: the box walker fetches every header with its
     * own ranged GET, so reading a megabyte of it takes many seconds, and no moov box is ever found. The
     * extraction time budget (30 s by default) ends it (ErrorClass timeout).
     */
    public static byte[] manyTinyBoxes(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(box("ftyp", "isom\0\0\2\0isommp41".getBytes(StandardCharsets.US_ASCII)));
        byte[] free = box("free", new byte[56]);
        while (out.size() + free.length <= size) {
            out.writeBytes(free);
        }
        return out.toByteArray();
    }

    private static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.US_ASCII)).put(payload).array();
    }
}
