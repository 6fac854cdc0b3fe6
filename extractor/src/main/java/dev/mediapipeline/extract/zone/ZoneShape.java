package dev.mediapipeline.extract.zone;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The polygons of one time zone, in fixed point (1e-5 degrees, about a metre: the source data are floats,
 * no finer). A polygon's rings are its outline and its holes; a point is inside by the even-odd rule.
 * Stored as zig-zag varint deltas, which keeps the resources about a third of the size of raw coordinates.
 */
final class ZoneShape {

    static final double SCALE = 1e5;

    /** Per polygon, its rings of alternating longitude, latitude. */
    private final List<int[][]> polygons;
    /** Per polygon, its bounding box, so most polygons are ruled out without walking their edges. */
    private final List<int[]> boxes = new ArrayList<>();
    /** Per polygon, its rings' edges by latitude band, built on the first point inside the box. */
    private final AtomicReferenceArray<RingIndex[]> indexes;

    ZoneShape(List<int[][]> polygons) {
        this.polygons = polygons;
        indexes = new AtomicReferenceArray<>(polygons.size());
        for (int[][] rings : polygons) {
            boxes.add(box(List.<int[][]>of(rings)));
        }
    }

    static int fixed(double degrees) {
        return (int) Math.round(degrees * SCALE);
    }

    int[] box() {
        return box(polygons);
    }

    boolean contains(int lon, int lat) {
        for (int p = 0; p < polygons.size(); p++) {
            int[] b = boxes.get(p);
            if (lon < b[0] || lat < b[1] || lon > b[2] || lat > b[3]) {
                continue;
            }
            boolean inside = false;
            for (RingIndex ring : index(p)) {
                inside ^= ring.crossesOddly(lon, lat);
            }
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /** Two threads may both build a polygon's index; either result is the same, and the array publishes it. */
    private RingIndex[] index(int polygon) {
        RingIndex[] index = indexes.get(polygon);
        if (index == null) {
            int[][] rings = polygons.get(polygon);
            index = new RingIndex[rings.length];
            for (int r = 0; r < rings.length; r++) {
                index[r] = new RingIndex(rings[r]);
            }
            indexes.set(polygon, index);
        }
        return index;
    }

    void write(DataOutputStream out) throws IOException {
        writeVarint(out, polygons.size());
        for (int[][] rings : polygons) {
            writeVarint(out, rings.length);
            for (int[] ring : rings) {
                writeVarint(out, ring.length);
                int lastLon = 0;
                int lastLat = 0;
                for (int i = 0; i < ring.length; i += 2) {
                    writeVarint(out, zigzag(ring[i] - lastLon));
                    writeVarint(out, zigzag(ring[i + 1] - lastLat));
                    lastLon = ring[i];
                    lastLat = ring[i + 1];
                }
            }
        }
    }

    /**
     * Decodes what {@link #write} wrote. From an array, not a stream: a shape has up to a few hundred thousand
     * varints, and this runs once per zone per process, mostly before the JIT has compiled anything.
     */
    static ZoneShape read(byte[] bytes) throws IOException {
        Varints in = new Varints(bytes);
        int count = in.next();
        List<int[][]> polygons = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            int[][] rings = new int[in.next()][];
            for (int r = 0; r < rings.length; r++) {
                int[] ring = new int[in.next()];
                int lon = 0;
                int lat = 0;
                for (int i = 0; i < ring.length; i += 2) {
                    lon += unzigzag(in.next());
                    lat += unzigzag(in.next());
                    ring[i] = lon;
                    ring[i + 1] = lat;
                }
                rings[r] = ring;
            }
            polygons.add(rings);
        }
        return new ZoneShape(polygons);
    }

    private static int[] box(List<int[][]> polygons) {
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int[][] rings : polygons) {
            for (int[] ring : rings) {
                for (int i = 0; i < ring.length; i += 2) {
                    b[0] = Math.min(b[0], ring[i]);
                    b[1] = Math.min(b[1], ring[i + 1]);
                    b[2] = Math.max(b[2], ring[i]);
                    b[3] = Math.max(b[3], ring[i + 1]);
                }
            }
        }
        return b;
    }

    private static int zigzag(int v) {
        return (v << 1) ^ (v >> 31);
    }

    private static int unzigzag(int v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static void writeVarint(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7f) != 0) {
            out.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    /** Unsigned LEB128 varints, one after the other. */
    private static final class Varints {
        private final byte[] bytes;
        private int at;

        Varints(byte[] bytes) {
            this.bytes = bytes;
        }

        int next() throws EOFException {
            int v = 0;
            for (int shift = 0; ; shift += 7) {
                if (at == bytes.length) {
                    throw new EOFException("zone shape ends inside a number");
                }
                int b = bytes[at++];
                v |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
        }
    }
}
