package dev.mediapipeline.extract.mpegts;

import java.util.Arrays;

/** Presentation timestamps (90 kHz) seen for one stream. */
final class Timestamps {

    private long[] values = new long[64];
    private int count;

    /** A 33-bit PTS or DTS spread over 5 bytes with marker bits, as PES headers carry it. */
    static long decode(byte[] d, int at) {
        return (((long) d[at] & 0x0e) << 29) | ((d[at + 1] & 0xffL) << 22) | ((d[at + 2] & 0xfeL) << 14)
                | ((d[at + 3] & 0xffL) << 7) | ((d[at + 4] & 0xfeL) >> 1);
    }

    void add(long pts) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = pts;
    }

    int count() {
        return count;
    }

    long min() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, values[i]);
        }
        return min;
    }

    long max() {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    long[] sortedDistinct() {
        return Arrays.stream(values, 0, count).sorted().distinct().toArray();
    }
}
