package dev.mediapipeline.extract.matroska;

import java.nio.BufferUnderflowException;
import java.util.Arrays;

/**
 * Average frame rate from the block timestamps of one track in a cluster, for files whose track has no
 * DefaultDuration. Blocks are stored in decode order, so timestamps are sorted first.
 */
final class ClusterTiming {

    private static final long TIMESTAMP = 0xE7;
    private static final long SIMPLE_BLOCK = 0xA3;
    private static final long BLOCK_GROUP = 0xA0;
    private static final long BLOCK = 0xA1;

    private ClusterTiming() {
    }

    static Double frameRate(EbmlCursor cluster, long track, long timestampScale) {
        long base = 0;
        long[] times = new long[0];
        for (EbmlCursor.Element e : cluster.elements()) {
            EbmlCursor block = null;
            if (e.id() == TIMESTAMP) {
                base = e.data().unsigned();
            } else if (e.id() == SIMPLE_BLOCK) {
                block = e.data();
            } else if (e.id() == BLOCK_GROUP) {
                for (EbmlCursor.Element g : e.data().elements()) {
                    if (g.id() == BLOCK) {
                        block = g.data();
                    }
                }
            }
            Long time = block == null ? null : blockTime(block, track);
            if (time != null) {
                times = Arrays.copyOf(times, times.length + 1);
                times[times.length - 1] = base + time;
            }
        }
        long[] sorted = Arrays.stream(times).sorted().distinct().toArray();
        if (sorted.length < 3) {
            return null;
        }
        double seconds = (sorted[sorted.length - 1] - sorted[0]) * timestampScale / 1e9;
        return seconds > 0 ? (sorted.length - 1) / seconds : null;
    }

    /** A block header: track number (EBML size-style vint), then a signed 16-bit relative timestamp. */
    private static Long blockTime(EbmlCursor block, long track) {
        try {
            if (block.size() != track || block.remaining() < 2) {
                return null;
            }
            return block.signed16();
        } catch (BufferUnderflowException e) {
            return null;
        }
    }
}
