package dev.mediapipeline.extract.zone;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The zone names and their bounding boxes, written at build time by {@link ZoneIndexWriter}; the polygons of
 * zone number n are the resource {@link #shapeResource(int)}.
 */
record ZoneIndex(String version, List<Entry> entries) {

    static final String INDEX = "dev/mediapipeline/extract/zone/index.bin";

    /** A zone's IANA name and its box: min longitude, min latitude, max longitude, max latitude (fixed point). */
    record Entry(String name, int[] box) {
        boolean covers(int lon, int lat) {
            return lon >= box[0] && lat >= box[1] && lon <= box[2] && lat <= box[3];
        }
    }

    static String shapeResource(int number) {
        return "dev/mediapipeline/extract/zone/" + number + ".bin";
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(version);
        out.writeInt(entries.size());
        for (Entry e : entries) {
            out.writeUTF(e.name());
            for (int v : e.box()) {
                out.writeInt(v);
            }
        }
    }

    static ZoneIndex read(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(in)) {
            String version = data.readUTF();
            int count = data.readInt();
            List<Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = data.readUTF();
                entries.add(new Entry(name, new int[] {data.readInt(), data.readInt(), data.readInt(), data.readInt()}));
            }
            return new ZoneIndex(version, List.copyOf(entries));
        }
    }
}
