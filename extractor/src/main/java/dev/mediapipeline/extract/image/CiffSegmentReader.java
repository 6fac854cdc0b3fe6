package dev.mediapipeline.extract.image;

import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentType;
import com.drew.metadata.Metadata;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Canon's early digital cameras (PowerShot A5 era) wrote a CIFF heap ("HEAPJPGM") into APP0 instead of
 * EXIF. Its records are found through the table at each heap's end; we keep MakeModel (0x080a) and the
 * TimeStamp (0x180e, Unix seconds, read as exiftool does as a clock time without zone).
 */
final class CiffSegmentReader implements JpegSegmentMetadataReader {

    private static final int MAKE_MODEL = 0x080a;
    private static final int TIME_STAMP = 0x180e;
    private static final int DATA_IN_RECORD = 0x4000;
    private static final int LOCATION_BITS = 0xc000;
    private static final int MAX_DEPTH = 8;

    @Override
    public Iterable<JpegSegmentType> getSegmentTypes() {
        return List.of(JpegSegmentType.APP0);
    }

    @Override
    public void readJpegSegments(Iterable<byte[]> segments, Metadata metadata, JpegSegmentType type) {
        for (byte[] segment : segments) {
            if (segment.length < 14 || !new String(segment, 6, 8, StandardCharsets.ISO_8859_1).equals("HEAPJPGM")) {
                continue;
            }
            ByteBuffer b = ByteBuffer.wrap(segment)
                    .order(segment[0] == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            VendorDirectory directory = new VendorDirectory("CIFF");
            try {
                heap(b, b.getInt(2), segment.length, directory, 0);
            } catch (IndexOutOfBoundsException e) {
                directory.addError("CIFF heap is truncated");
            }
            metadata.addDirectory(directory);
            return;
        }
    }

    private static void heap(ByteBuffer b, int start, int end, VendorDirectory directory, int depth) {
        if (depth > MAX_DEPTH || start < 0 || end - start < 6) {
            return;
        }
        int table = start + b.getInt(end - 4);
        int count = b.getShort(table) & 0xffff;
        for (int i = 0; i < count; i++) {
            int entry = table + 2 + i * 10;
            int tag = b.getShort(entry) & 0xffff;
            boolean inRecord = (tag & LOCATION_BITS) == DATA_IN_RECORD;
            int size = inRecord ? 8 : b.getInt(entry + 2);
            int offset = inRecord ? entry + 2 : start + b.getInt(entry + 6);
            int id = tag & 0x3fff;
            int dataType = tag & 0x3800;
            if (!inRecord && (dataType == 0x2800 || dataType == 0x3000)) {
                heap(b, offset, offset + size, directory, depth + 1);
            } else if (id == MAKE_MODEL) {
                String[] parts = new String(b.array(), offset, size, StandardCharsets.ISO_8859_1).split("\0");
                if (parts.length >= 2) {
                    directory.setString(VendorDirectory.TAG_MAKE, parts[0]);
                    directory.setString(VendorDirectory.TAG_MODEL, parts[1]);
                }
            } else if (id == TIME_STAMP && size >= 4) {
                long seconds = b.getInt(offset) & 0xffffffffL;
                directory.setString(VendorDirectory.TAG_DATE_TIME_ORIGINAL, DateTimeFormatter.ISO_LOCAL_DATE_TIME
                        .format(LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC)));
            }
        }
    }
}
