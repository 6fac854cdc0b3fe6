package dev.mediapipeline.extract.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the top-level boxes of an MP4 file, independently of the code under test. */
public final class Boxes {

    private Boxes() {
    }

    /** Top-level box type → {offset, size}, in file order (the last box of a type wins). */
    public static Map<String, long[]> topLevel(Path file) throws IOException {
        Map<String, long[]> boxes = new LinkedHashMap<>();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long at = 0;
            while (at + 8 <= f.length()) {
                f.seek(at);
                long size = f.readInt() & 0xffffffffL;
                byte[] type = new byte[4];
                f.readFully(type);
                if (size == 1) {
                    size = f.readLong();
                } else if (size == 0) {
                    size = f.length() - at;
                }
                boxes.put(new String(type, java.nio.charset.StandardCharsets.ISO_8859_1), new long[] {at, size});
                at += size;
            }
        }
        return boxes;
    }

    public static byte[] read(Path file, long[] box) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) box[1]];
            f.seek(box[0]);
            f.readFully(bytes);
            return bytes;
        }
    }
}
