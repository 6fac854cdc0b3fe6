package dev.mediapipeline.extract.isobmff;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Big-endian reads over the payload of one box held in memory, and iteration over child boxes. Reads past
 * the end throw {@link BufferUnderflowException}, which the extractor reports as a corrupt file.
 */
public final class BoxCursor {

    /** A child box: its type and its payload (after the header). */
    public record Child(String type, BoxCursor payload) {
    }

    private final ByteBuffer buffer;

    BoxCursor(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    public static BoxCursor of(byte[] bytes) {
        return new BoxCursor(ByteBuffer.wrap(bytes));
    }

    public int remaining() {
        return buffer.remaining();
    }

    public void skip(int n) {
        if (n > buffer.remaining()) {
            throw new BufferUnderflowException();
        }
        buffer.position(buffer.position() + n);
    }

    public int u8() {
        return buffer.get() & 0xff;
    }

    public int u16() {
        return buffer.getShort() & 0xffff;
    }

    public long u32() {
        return buffer.getInt() & 0xffffffffL;
    }

    public int s32() {
        return buffer.getInt();
    }

    public long u64() {
        return buffer.getLong();
    }

    /** An unsigned integer of 0, 4 or 8 bytes, as iloc declares its field sizes. */
    public long uint(int bytes) {
        return switch (bytes) {
            case 0 -> 0;
            case 4 -> u32();
            case 8 -> u64();
            default -> throw new BufferUnderflowException();
        };
    }

    /** A NUL-terminated UTF-8 string (or the rest of the payload when the NUL is missing). */
    public String cString() {
        int start = buffer.position();
        int end = start;
        while (end < buffer.limit() && buffer.get(end) != 0) {
            end++;
        }
        String s = new String(buffer.array(), buffer.arrayOffset() + start, end - start, StandardCharsets.UTF_8);
        buffer.position(Math.min(buffer.limit(), end + 1));
        return s;
    }

    public String fourCc() {
        byte[] b = new byte[4];
        buffer.get(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    public String string(int length, java.nio.charset.Charset charset) {
        byte[] b = new byte[length];
        buffer.get(b);
        return new String(b, charset);
    }

    /** The rest of the payload as a cursor of its own (this one is consumed). */
    public BoxCursor rest() {
        ByteBuffer slice = buffer.slice();
        buffer.position(buffer.limit());
        return new BoxCursor(slice);
    }

    /** The child boxes in the rest of this payload; a truncated last child is cut to what is there. */
    public List<Child> children() {
        List<Child> children = new ArrayList<>();
        while (buffer.remaining() >= 8) {
            int start = buffer.position();
            long size = u32();
            String type = fourCc();
            int header = 8;
            if (size == 1) {
                if (buffer.remaining() < 8) {
                    break;
                }
                size = u64();
                header = 16;
            } else if (size == 0) {
                size = buffer.limit() - start;
            }
            if (size < header) {
                break;
            }
            long end = Math.min(buffer.limit(), start + size);
            ByteBuffer payload = buffer.duplicate();
            payload.position(start + header).limit((int) end);
            children.add(new Child(type, new BoxCursor(payload.slice())));
            buffer.position((int) end);
        }
        return children;
    }

    /** The first child of the given type, or null. */
    public BoxCursor child(String type) {
        for (Child c : duplicate().children()) {
            if (c.type().equals(type)) {
                return c.payload();
            }
        }
        return null;
    }

    public BoxCursor duplicate() {
        return new BoxCursor(buffer.duplicate());
    }
}
