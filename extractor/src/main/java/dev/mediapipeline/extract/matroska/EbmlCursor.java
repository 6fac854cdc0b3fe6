package dev.mediapipeline.extract.matroska;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** EBML (RFC 8794) elements in a buffer: variable-length ids and sizes, and the value types Matroska uses. */
final class EbmlCursor {

    /** An element: its id (marker bit kept, as the specifications write ids) and its data. */
    record Element(long id, EbmlCursor data) {
    }

    static final long UNKNOWN_SIZE = -1;

    private final ByteBuffer buffer;

    EbmlCursor(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    static EbmlCursor of(byte[] bytes) {
        return new EbmlCursor(ByteBuffer.wrap(bytes));
    }

    int remaining() {
        return buffer.remaining();
    }

    int position() {
        return buffer.position();
    }

    /** An element id: 1–4 bytes, the length given by the leading zero bits, marker kept. */
    long id() {
        int first = buffer.get() & 0xff;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (length < 1 || length > 4) {
            throw new BufferUnderflowException();
        }
        long id = first;
        for (int i = 1; i < length; i++) {
            id = (id << 8) | (buffer.get() & 0xff);
        }
        return id;
    }

    /** A data size: 1–8 bytes, marker removed; all ones means unknown ({@link #UNKNOWN_SIZE}). */
    long size() {
        int first = buffer.get() & 0xff;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (length < 1 || length > 8) {
            throw new BufferUnderflowException();
        }
        long value = first & (0xff >> length);
        boolean allOnes = value == (0xff >> length);
        for (int i = 1; i < length; i++) {
            int b = buffer.get() & 0xff;
            allOnes &= b == 0xff;
            value = (value << 8) | b;
        }
        return allOnes ? UNKNOWN_SIZE : value;
    }

    /** The child elements of the rest of the buffer; an element running past the end is cut. */
    List<Element> elements() {
        List<Element> elements = new ArrayList<>();
        while (buffer.remaining() >= 2) {
            long id = id();
            long size = size();
            int length = size == UNKNOWN_SIZE || size > buffer.remaining() ? buffer.remaining() : (int) size;
            ByteBuffer data = buffer.slice();
            data.limit(length);
            buffer.position(buffer.position() + length);
            elements.add(new Element(id, new EbmlCursor(data)));
        }
        return elements;
    }

    long signed16() {
        return buffer.getShort();
    }

    long unsigned() {
        long value = 0;
        while (buffer.hasRemaining()) {
            value = (value << 8) | (buffer.get() & 0xff);
        }
        return value;
    }

    double floating() {
        return switch (buffer.remaining()) {
            case 4 -> buffer.getFloat();
            case 8 -> buffer.getDouble();
            default -> 0;
        };
    }

    String string() {
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }
}
