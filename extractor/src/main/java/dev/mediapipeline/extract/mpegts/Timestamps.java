package dev.mediapipeline.extract.mpegts;

import java.util.Arrays;

/** Presentation timestamps (90 kHz) seen for one stream. */
final class Timestamps {

    private long[] values = new long[64];
    private int count;

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
