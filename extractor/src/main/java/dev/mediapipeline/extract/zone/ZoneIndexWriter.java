package dev.mediapipeline.extract.zone;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.iakovlev.timeshape.TimeZoneEngine;
import net.iakovlev.timeshape.proto.Geojson;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Build step, run by ingest-worker's pom after compiling: turns the time zone polygons that timeshape ships
 * (one tar entry per zone) into the resources {@link GpsTimeZones} reads, one file per zone plus an index of
 * their bounding boxes. timeshape's own engine needs about 5 s of CPU and 230 MB of heap to load the whole
 * world before its first answer; read this way a lookup loads only the few zones whose box holds the point.
 * The Etc/GMT±N sea zones are left out: a photo taken at sea gets no zone rather than a nautical one.
 */
public final class ZoneIndexWriter {

    private ZoneIndexWriter() {
    }

    /** Arguments: the output folder (a class-path root) and timeshape's version, which names the data. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        String version = args[1];
        Path index = root.resolve(ZoneIndex.INDEX);
        if (Files.exists(index) && version.equals(ZoneIndex.read(Files.newInputStream(index)).version())) {
            return;
        }
        Files.createDirectories(index.getParent());
        List<ZoneIndex.Entry> entries = new ArrayList<>();
        try (InputStream data = TimeZoneEngine.class.getResourceAsStream("/data.tar.zstd");
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new ZstdCompressorInputStream(new BufferedInputStream(data)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile() && !e.getName().startsWith("Etc/")) {
                    List<int[][]> polygons = polygons(Geojson.Feature.parseFrom(tar).getGeometry());
                    ZoneShape shape = new ZoneShape(polygons);
                    int number = entries.size();
                    entries.add(new ZoneIndex.Entry(e.getName(), shape.box()));
                    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                            Files.newOutputStream(root.resolve(ZoneIndex.shapeResource(number)))))) {
                        shape.write(out);
                    }
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(index)))) {
            new ZoneIndex(version, entries).write(out);
        }
    }

    /** Each polygon as rings of alternating longitude, latitude in {@link ZoneShape#SCALE} units. */
    private static List<int[][]> polygons(Geojson.Geometry geometry) {
        List<Geojson.Polygon> source = geometry.hasMultiPolygon() ? geometry.getMultiPolygon().getCoordinatesList()
                : List.of(geometry.getPolygon());
        List<int[][]> polygons = new ArrayList<>();
        for (Geojson.Polygon polygon : source) {
            int[][] rings = new int[polygon.getCoordinatesCount()][];
            for (int r = 0; r < rings.length; r++) {
                List<Geojson.Position> points = polygon.getCoordinates(r).getCoordinatesList();
                int[] ring = new int[points.size() * 2];
                for (int i = 0; i < points.size(); i++) {
                    ring[2 * i] = ZoneShape.fixed(points.get(i).getLon());
                    ring[2 * i + 1] = ZoneShape.fixed(points.get(i).getLat());
                }
                rings[r] = ring;
            }
            polygons.add(rings);
        }
        return polygons;
    }
}
