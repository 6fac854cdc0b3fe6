package dev.mediapipeline.extract.image;

import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentType;
import com.drew.metadata.Metadata;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * FLIR thermal cameras keep the capture time and position in an "FFF" file split over APP1 segments
 * ("FLIR\0", version, index, last index): its CameraInfo record (0x20) holds DateTimeOriginal as Unix time,
 * milliseconds and zone, its GPSInfo record (0x2b) the position. Layout as documented by exiftool's FLIR.pm.
 */
final class FlirSegmentReader implements JpegSegmentMetadataReader {

    private static final byte[] PREAMBLE = "FLIR\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int SEGMENT_HEADER = 8;
    private static final int CAMERA_INFO = 0x20;
    private static final int GPS_INFO = 0x2b;
    private static final int RECORD_ENTRY = 32;

    @Override
    public Iterable<JpegSegmentType> getSegmentTypes() {
        return List.of(JpegSegmentType.APP1);
    }

    @Override
    public void readJpegSegments(Iterable<byte[]> segments, Metadata metadata, JpegSegmentType type) {
        ByteArrayOutputStream fff = new ByteArrayOutputStream();
        for (byte[] segment : segments) {
            if (segment.length > SEGMENT_HEADER && startsWith(segment, PREAMBLE)) {
                fff.write(segment, SEGMENT_HEADER, segment.length - SEGMENT_HEADER);
            }
        }
        if (fff.size() == 0) {
            return;
        }
        VendorDirectory directory = new VendorDirectory("FLIR");
        try {
            records(ByteBuffer.wrap(fff.toByteArray()), directory);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            directory.addError("FLIR FFF data is truncated: " + e.getMessage());
        }
        metadata.addDirectory(directory);
    }

    private static void records(ByteBuffer fff, VendorDirectory directory) {
        if (fff.get(0) != 'F' && fff.get(0) != 'A' || fff.get(1) != 'F' || fff.get(2) != 'F') {
            return;
        }
        // The header's byte order is whichever makes the format version read as 100–199.
        fff.order(ByteOrder.BIG_ENDIAN);
        int version = fff.getInt(0x14);
        if (version < 100 || version >= 200) {
            fff.order(ByteOrder.LITTLE_ENDIAN);
        }
        int directoryOffset = fff.getInt(0x18);
        int entries = fff.getInt(0x1c);
        for (int i = 0; i < entries; i++) {
            int entry = directoryOffset + i * RECORD_ENTRY;
            int recordType = fff.getShort(entry) & 0xffff;
            int offset = fff.getInt(entry + 12);
            int length = fff.getInt(entry + 16);
            if (offset < 0 || length <= 0 || offset + length > fff.limit()) {
                continue;
            }
            ByteBuffer record = fff.duplicate();
            record.position(offset).limit(offset + length);
            record = record.slice();
            // Records carry their own byte order: their first 16-bit value is small (1 or 2).
            record.order((record.getShort(0) & 0xff00) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            if (recordType == CAMERA_INFO) {
                cameraInfo(record, directory);
            } else if (recordType == GPS_INFO) {
                gpsInfo(record, directory);
            }
        }
    }

    private static void cameraInfo(ByteBuffer record, VendorDirectory directory) {
        long seconds = record.getInt(0x384) & 0xffffffffL;
        int millis = record.getInt(0x388);
        int zoneMinutes = record.getShort(0x38c);
        if (seconds == 0 || Math.abs(zoneMinutes) > 18 * 60) {
            return;
        }
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(-zoneMinutes * 60);
        LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, 0, zone).plusNanos(millis % 1000 * 1_000_000L);
        directory.setString(VendorDirectory.TAG_DATE_TIME_ORIGINAL, DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(local) + zone.getId());
    }

    private static void gpsInfo(ByteBuffer record, VendorDirectory directory) {
        if (record.getInt(0) != 1) {
            return;
        }
        double latitude = record.getDouble(0x10);
        double longitude = record.getDouble(0x18);
        if (record.get(0x08) == 'S') {
            latitude = -latitude;
        }
        if (record.get(0x0a) == 'W') {
            longitude = -longitude;
        }
        directory.setDouble(VendorDirectory.TAG_GPS_LATITUDE, latitude);
        directory.setDouble(VendorDirectory.TAG_GPS_LONGITUDE, longitude);
        directory.setDouble(VendorDirectory.TAG_GPS_ALTITUDE, record.getFloat(0x20));
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
