package dev.mediapipeline.extract.zone;

/**
 * One ring of a zone polygon with its edges sorted into horizontal bands, so a ray cast at one latitude looks
 * only at the edges of that band: a coastline ring has tens of thousands of edges, and a batch of geotagged
 * photos asks the same zones again and again.
 */
final class RingIndex {

    private static final int EDGES_PER_BAND = 8;
    private static final int MAX_BANDS = 1024;

    private final int[] ring;
    private final int minY;
    private final long bandHeight;
    /** Per band, the indices i of the edges (i-1, i) that reach into it. */
    private final int[][] bands;

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
        bands = new int[count][];
        int[] sizes = new int[count];
        forEachEdgeBand(n, (edge, band) -> sizes[band]++);
        for (int b = 0; b < count; b++) {
            bands[b] = new int[sizes[b]];
            sizes[b] = 0;
        }
        forEachEdgeBand(n, (edge, band) -> bands[band][sizes[band]++] = edge);
    }

    private interface EdgeInBand {
        void accept(int edge, int band);
    }

    /** Every (edge i, band) pair where edge (i-1, i) reaches into the band; the ring closes on itself. */
    private void forEachEdgeBand(int n, EdgeInBand action) {
        for (int i = 0, j = n - 1; i < n; j = i++) {
            int to = band(Math.max(ring[2 * i + 1], ring[2 * j + 1]));
            for (int b = band(Math.min(ring[2 * i + 1], ring[2 * j + 1])); b <= to; b++) {
                action.accept(i, b);
            }
        }
    }

    private int band(int y) {
        return (int) (((long) y - minY) / bandHeight);
    }

    /** Ray casting towards +longitude: whether the ray crosses the ring an odd number of times. */
    boolean crossesOddly(long x, long y) {
        if (y < minY || bands.length == 0) {
            return false;
        }
        int b = band((int) y);
        if (b >= bands.length) {
            return false;
        }
        int n = ring.length / 2;
        boolean odd = false;
        for (int i : bands[b]) {
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
