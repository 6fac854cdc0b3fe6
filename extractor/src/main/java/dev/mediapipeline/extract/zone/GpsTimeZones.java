package dev.mediapipeline.extract.zone;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time zones of a GPS position, offline, from timeshape's boundary data (timezone-boundary-builder, from
 * OpenStreetMap) as {@link ZoneIndexWriter} laid it out. Nothing is read until the first lookup; then the index
 * of zone boxes (a few KB), and only the zones whose box holds the point, each kept once read. Thread-safe.
 */
public final class GpsTimeZones {

    private static final Map<Integer, ZoneShape> SHAPES = new ConcurrentHashMap<>();

    private GpsTimeZones() {
    }

    /** Loaded on first use by the class loader, which makes it lazy and thread-safe at once. */
    private static final class Index {
        static final ZoneIndex INSTANCE = load();

        private static ZoneIndex load() {
            try {
                return ZoneIndex.read(resource(ZoneIndex.INDEX));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The zones whose land (and territorial waters) hold the point: usually one, two or more where borders are
     * disputed, none at sea.
     */
    public static List<ZoneId> at(double latitude, double longitude) {
        int lon = ZoneShape.fixed(longitude);
        int lat = ZoneShape.fixed(latitude);
        List<ZoneIndex.Entry> entries = Index.INSTANCE.entries();
        List<ZoneId> zones = new ArrayList<>(1);
        for (int n = 0; n < entries.size(); n++) {
            ZoneIndex.Entry entry = entries.get(n);
            if (entry.covers(lon, lat) && SHAPES.computeIfAbsent(n, GpsTimeZones::shape).contains(lon, lat)) {
                try {
                    zones.add(ZoneId.of(entry.name()));
                } catch (DateTimeException e) {
                    // A zone newer than this JDK's time zone rules: it cannot give an offset here.
                }
            }
        }
        return zones;
    }

    private static ZoneShape shape(int number) {
        try (InputStream in = resource(ZoneIndex.shapeResource(number))) {
            return ZoneShape.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = GpsTimeZones.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name + ": ingest-worker's build writes it (ZoneIndexWriter)");
        }
        return new BufferedInputStream(in, 1 << 16);
    }
}
