package dev.mediapipeline.extract.isobmff;

import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;

/** A top-level box found by walking headers: where it starts, its header length and total size. */
public record TopLevelBox(String type, long start, int headerSize, long size) {

    public long payloadStart() {
        return start + headerSize;
    }

    public long payloadSize() {
        return size - headerSize;
    }

    public long end() {
        return start + size;
    }

    /** The box header at {@code position}, or null when the bytes there cannot be a box (garbage, truncation). */
    public static TopLevelBox at(BlockReader reader, long position) throws IOException {
        BoxCursor c = BoxCursor.of(reader.readExact(position, (int) Math.min(16, reader.size() - position)));
        long boxSize = c.u32();
        String type = c.fourCc();
        int headerSize = 8;
        if (boxSize == 1) {
            if (c.remaining() < 8) {
                return null;
            }
            boxSize = c.u64();
            headerSize = 16;
        } else if (boxSize == 0) {
            boxSize = reader.size() - position;
        }
        if (boxSize < headerSize) {
            return null;
        }
        return new TopLevelBox(type, position, headerSize, boxSize);
    }

    /** The payload, cut to what the object holds when the box claims more (a truncated file). */
    public BoxCursor readPayload(BlockReader reader) throws IOException {
        long available = Math.max(0, Math.min(payloadSize(), reader.size() - payloadStart()));
        return BoxCursor.of(reader.readExact(payloadStart(), (int) available));
    }
}
