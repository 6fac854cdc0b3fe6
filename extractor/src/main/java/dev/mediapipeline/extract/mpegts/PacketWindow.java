package dev.mediapipeline.extract.mpegts;

import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;

/**
 * A run of the object's bytes that grows toward the end (the head window) or toward the start (the tail
 * window) by half its length at a time, up to a cap and never into bytes another window holds: each step
 * fetches exactly the bytes it adds. The head's first step is the 64 KiB block sniffing has already fetched.
 */
final class PacketWindow {

    private static final int FIRST_HEAD_STEP = 64 * 1024;
    private static final int MIN_STEP = 32 * 1024;

    private final BlockReader reader;
    private final long floor;
    private final int cap;
    private long start;
    private long end;
    private byte[] bytes = new byte[0];

    private PacketWindow(BlockReader reader, long at, long floor, int cap) {
        this.reader = reader;
        this.floor = floor;
        this.cap = cap;
        this.start = at;
        this.end = at;
    }

    /** An empty window at the start of the object, growing to at most {@code cap} bytes. */
    static PacketWindow head(BlockReader reader, int cap) {
        return new PacketWindow(reader, 0, 0, cap);
    }

    /** An empty window at the end of the object, growing to at most {@code cap} bytes and not below {@code floor}. */
    static PacketWindow tail(BlockReader reader, long floor, int cap) {
        return new PacketWindow(reader, reader.size(), floor, cap);
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    byte[] bytes() {
        return bytes;
    }

    /** Reads the next step after the window; false when it is at its cap or at the end of the object. */
    boolean growForward() throws IOException {
        long step = end == start ? FIRST_HEAD_STEP : Math.max(MIN_STEP, (end - start) / 2);
        long to = Math.min(reader.size(), Math.min(start + cap, end + step));
        if (to <= end) {
            return false;
        }
        byte[] more = reader.readExact(end, (int) (to - end));
        bytes = concat(bytes, more);
        end = to;
        return true;
    }

    /** Reads the next step before the window; false when it is at its cap or at the floor. */
    boolean growBackward() throws IOException {
        long from = Math.max(floor, Math.max(end - cap, start - Math.max(MIN_STEP, (end - start) / 2)));
        if (from >= start) {
            return false;
        }
        byte[] more = reader.readExact(from, (int) (start - from));
        bytes = concat(more, bytes);
        start = from;
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
