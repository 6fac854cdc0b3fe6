package dev.mediapipeline.extract.zone;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One ring of a zone polygon with its edges sorted into horizontal bands, so a ray cast at one latitude looks
 * only at the edges of that band: a coastline ring has tens of thousands of edges, and a batch of geotagged
 * photos asks the same zones again and again. A band is filled the first time a point falls in it, with one
 * pass over the edges: photos cluster in a few bands, and sorting every edge of a ring into all its bands
 * before the first answer cost more than all the lookups of a typical batch (most of it run before the JIT
 * has compiled anything).
 */
final class RingIndex {

    private static final int EDGES_PER_BAND = 8;
    private static final int MAX_BANDS = 1024;

    private final int[] ring;
    private final int minY;
    private final long bandHeight;
    /** Per band, the indices i of the edges (i-1, i) that reach into it; null until a point falls in it. */
    private final AtomicReferenceArray<int[]> bands;

    RingIndex(int[] ring) {
        this.ring = ring;
        int n = ring.length / 2;
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            low = Math.min(low, ring[2 * i + 1]);
            high = Math.max(high, ring[2 * i + 1]);
        }
        minY = low;
        int count = Math.max(1, Math.min(MAX_BANDS, n / EDGES_PER_BAND));
        bandHeight = n == 0 ? 1 : ((long) high - low) / count + 1;
        bands = new AtomicReferenceArray<>(n == 0 ? 0 : count);
    }

    private int band(int y) {
        return (int) (((long) y - minY) / bandHeight);
    }

    /** Two threads may both fill a band; either result is the same, and the array publishes it. */
    private int[] edges(int band) {
        int[] edges = bands.get(band);
        if (edges == null) {
            int n = ring.length / 2;
            int[] found = new int[16];
            int count = 0;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                int yi = ring[2 * i + 1];
                int yj = ring[2 * j + 1];
                if (band(Math.min(yi, yj)) <= band && band(Math.max(yi, yj)) >= band) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i;
                }
            }
            edges = Arrays.copyOf(found, count);
            bands.set(band, edges);
        }
        return edges;
    }

    /** Ray casting towards +longitude: whether the ray crosses the ring an odd number of times. */
    boolean crossesOddly(long x, long y) {
        if (y < minY || bands.length() == 0) {
            return false;
        }
        int b = band((int) y);
        if (b >= bands.length()) {
            return false;
        }
        int n = ring.length / 2;
        boolean odd = false;
        for (int i : edges(b)) {
            int j = i == 0 ? n - 1 : i - 1;
            long xi = ring[2 * i];
            long yi = ring[2 * i + 1];
            long xj = ring[2 * j];
            long yj = ring[2 * j + 1];
            if ((yi > y) != (yj > y)) {
                // x < xi + (y - yi) * (xj - xi) / (yj - yi), kept in integers: the sign of (yj - yi) decides.
                long lhs = (x - xi) * (yj - yi);
                long rhs = (y - yi) * (xj - xi);
                if (yj > yi ? lhs < rhs : lhs > rhs) {
                    odd = !odd;
                }
            }
        }
        return odd;
    }
}
