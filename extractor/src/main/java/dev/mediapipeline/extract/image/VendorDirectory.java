package dev.mediapipeline.extract.image;

import com.drew.metadata.Directory;
import java.util.HashMap;

/**
 * Capture facts from vendor JPEG segments metadata-extractor does not decode (FLIR, Olympus PictureInfo,
 * Canon CIFF), in metadata-extractor's own Directory form so {@link ImageFields} reads them like any other.
 */
final class VendorDirectory extends Directory {

    /** ISO-8601 local date-time, with offset when the vendor records one. */
    static final int TAG_DATE_TIME_ORIGINAL = 1;
    static final int TAG_GPS_LATITUDE = 2;
    static final int TAG_GPS_LONGITUDE = 3;
    static final int TAG_GPS_ALTITUDE = 4;
    static final int TAG_MAKE = 5;
    static final int TAG_MODEL = 6;

    private static final HashMap<Integer, String> TAG_NAMES = new HashMap<>();

    static {
        TAG_NAMES.put(TAG_DATE_TIME_ORIGINAL, "Date/Time Original");
        TAG_NAMES.put(TAG_GPS_LATITUDE, "GPS Latitude");
        TAG_NAMES.put(TAG_GPS_LONGITUDE, "GPS Longitude");
        TAG_NAMES.put(TAG_GPS_ALTITUDE, "GPS Altitude");
        TAG_NAMES.put(TAG_MAKE, "Make");
        TAG_NAMES.put(TAG_MODEL, "Model");
    }

    private final String name;

    VendorDirectory(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    protected HashMap<Integer, String> getTagNameMap() {
        return TAG_NAMES;
    }
}
