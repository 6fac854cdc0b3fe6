package dev.mediapipeline.extract.image;

import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.bmp.BmpHeaderDirectory;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.exif.makernotes.AppleMakernoteDirectory;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.photoshop.PsdHeaderDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import dev.mediapipeline.extract.CaptureTime;
import dev.mediapipeline.extract.MediaMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Copies what metadata-extractor found into the item fields, choosing between tags that overlap. */
public final class ImageFields {

    /** Where a format keeps its real pixel dimensions; EXIF's own width tags are often stale after edits. */
    private record DimensionTags(Class<? extends Directory> directory, int widthTag, int heightTag) {
    }

    private static final List<DimensionTags> DIMENSIONS = List.of(
            new DimensionTags(JpegDirectory.class, JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT),
            new DimensionTags(PngDirectory.class, PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT),
            new DimensionTags(GifHeaderDirectory.class, GifHeaderDirectory.TAG_IMAGE_WIDTH, GifHeaderDirectory.TAG_IMAGE_HEIGHT),
            new DimensionTags(WebpDirectory.class, WebpDirectory.TAG_IMAGE_WIDTH, WebpDirectory.TAG_IMAGE_HEIGHT),
            new DimensionTags(BmpHeaderDirectory.class, BmpHeaderDirectory.TAG_IMAGE_WIDTH, BmpHeaderDirectory.TAG_IMAGE_HEIGHT),
            new DimensionTags(PsdHeaderDirectory.class, PsdHeaderDirectory.TAG_IMAGE_WIDTH, PsdHeaderDirectory.TAG_IMAGE_HEIGHT),
            new DimensionTags(ExifIFD0Directory.class, ExifIFD0Directory.TAG_IMAGE_WIDTH, ExifIFD0Directory.TAG_IMAGE_HEIGHT),
            new DimensionTags(ExifSubIFDDirectory.class, ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH, ExifSubIFDDirectory.TAG_EXIF_IMAGE_HEIGHT));

    private ImageFields() {
    }

    /** Fills what the builder does not have yet from metadata-extractor's directories. */
    public static void copy(Metadata metadata, MediaMetadata.Builder out) {
        dimensions(metadata, out);
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 != null) {
            out.orientation(ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION));
            out.cameraMake(ifd0.getString(ExifIFD0Directory.TAG_MAKE));
            out.cameraModel(ifd0.getString(ExifIFD0Directory.TAG_MODEL));
        }
        for (VendorDirectory vendor : metadata.getDirectoriesOfType(VendorDirectory.class)) {
            out.cameraMake(vendor.getString(VendorDirectory.TAG_MAKE));
            out.cameraModel(vendor.getString(VendorDirectory.TAG_MODEL));
        }
        for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            out.lensModel(exif.getString(ExifSubIFDDirectory.TAG_LENS_MODEL));
        }
        takenAt(metadata, out);
        gps(metadata, out);
        // The Live Photo's still carries the same identifier as its video (com.apple.quicktime.content.identifier).
        for (AppleMakernoteDirectory apple : metadata.getDirectoriesOfType(AppleMakernoteDirectory.class)) {
            out.livePhotoId(apple.getString(AppleMakernoteDirectory.TAG_CONTENT_IDENTIFIER));
        }
        out.addTags(keywords(metadata));
    }

    private static void dimensions(Metadata metadata, MediaMetadata.Builder out) {
        if (out.hasDimensions()) {
            return;
        }
        for (DimensionTags tags : DIMENSIONS) {
            for (Directory d : metadata.getDirectoriesOfType(tags.directory())) {
                out.storedDimensions(d.getInteger(tags.widthTag()), d.getInteger(tags.heightTag()));
                if (out.hasDimensions()) {
                    return;
                }
            }
        }
    }

    /** DateTimeOriginal, then DateTimeDigitized (exiftool's CreateDate), then the XMP equivalents. */
    private static void takenAt(Metadata metadata, MediaMetadata.Builder out) {
        for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            exifDate(exif, ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL, ExifSubIFDDirectory.TAG_SUBSECOND_TIME_ORIGINAL,
                    ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL)
                    .ifPresent(t -> out.takenAtIfAbsent(t, "DateTimeOriginal"));
        }
        Map<String, String> xmp = xmpProperties(metadata);
        CaptureTime.parse(xmp.get("exif:DateTimeOriginal"), null, null)
                .ifPresent(t -> out.takenAtIfAbsent(t, "XMP:DateTimeOriginal"));
        for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            exifDate(exif, ExifSubIFDDirectory.TAG_DATETIME_DIGITIZED, ExifSubIFDDirectory.TAG_SUBSECOND_TIME_DIGITIZED,
                    ExifSubIFDDirectory.TAG_TIME_ZONE_DIGITIZED)
                    .ifPresent(t -> out.takenAtIfAbsent(t, "CreateDate"));
        }
        for (VendorDirectory vendor : metadata.getDirectoriesOfType(VendorDirectory.class)) {
            CaptureTime.parse(vendor.getString(VendorDirectory.TAG_DATE_TIME_ORIGINAL), null, null)
                    .ifPresent(t -> out.takenAtIfAbsent(t, vendor.getName() + ":DateTimeOriginal"));
        }
        CaptureTime.parse(xmp.get("xmp:CreateDate"), null, null).ifPresent(t -> out.takenAtIfAbsent(t, "XMP:CreateDate"));
        CaptureTime.parse(xmp.get("photoshop:DateCreated"), null, null)
                .ifPresent(t -> out.takenAtIfAbsent(t, "XMP:DateCreated"));
        // Some cameras (trail cameras, old compacts) keep the capture time only in their maker notes.
        for (Directory d : metadata.getDirectories()) {
            if (d.getClass().getSimpleName().endsWith("MakernoteDirectory")) {
                for (Tag tag : d.getTags()) {
                    if (tag.getTagName().equals("Date/Time Original")) {
                        CaptureTime.parse(d.getString(tag.getTagType()), null, null)
                                .ifPresent(t -> out.takenAtIfAbsent(t, "MakerNotes:DateTimeOriginal"));
                    }
                }
            }
        }
    }

    private static Optional<String> exifDate(Directory exif, int dateTag, int subSecondTag, int offsetTag) {
        return CaptureTime.parse(exif.getString(dateTag), exif.getString(subSecondTag), exif.getString(offsetTag));
    }

    private static void gps(Metadata metadata, MediaMetadata.Builder out) {
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            GeoLocation location = gps.getGeoLocation();
            if (location != null && location.isZero()) {
                // (0, 0) with altitude 0: a receiver without a fix, nothing to keep.
                return;
            }
            if (location != null && defined(gps, GpsDirectory.TAG_LATITUDE) && defined(gps, GpsDirectory.TAG_LONGITUDE)) {
                out.gps(location.getLatitude(), location.getLongitude(), altitude(gps));
                return;
            }
        }
        for (VendorDirectory vendor : metadata.getDirectoriesOfType(VendorDirectory.class)) {
            out.gps(vendor.getDoubleObject(VendorDirectory.TAG_GPS_LATITUDE),
                    vendor.getDoubleObject(VendorDirectory.TAG_GPS_LONGITUDE),
                    vendor.getDoubleObject(VendorDirectory.TAG_GPS_ALTITUDE));
        }
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            out.gpsAltitude(altitude(gps));
        }
    }

    /** A degrees/minutes/seconds triple with a 0/0 part is undefined (as exiftool reads it), not zero. */
    private static boolean defined(GpsDirectory gps, int tag) {
        Rational[] parts = gps.getRationalArray(tag);
        if (parts == null) {
            return false;
        }
        for (Rational part : parts) {
            if (part.getDenominator() == 0) {
                return false;
            }
        }
        return true;
    }

    /** GPSAltitudeRef 1 means below sea level. */
    private static Double altitude(GpsDirectory gps) {
        Rational altitude = gps.getRational(GpsDirectory.TAG_ALTITUDE);
        if (altitude == null || altitude.getDenominator() == 0) {
            return null;
        }
        Integer ref = gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
        double metres = altitude.doubleValue();
        return ref != null && ref == 1 ? -metres : metres;
    }

    /** IPTC Keywords and XMP dc:subject, raw; {@code Tags.normalise} cleans them when the result is built. */
    private static List<String> keywords(Metadata metadata) {
        List<String> keywords = new ArrayList<>();
        for (IptcDirectory iptc : metadata.getDirectoriesOfType(IptcDirectory.class)) {
            List<String> k = iptc.getKeywords();
            if (k != null) {
                keywords.addAll(k);
            }
        }
        xmpProperties(metadata).forEach((path, value) -> {
            if (path.startsWith("dc:subject[")) {
                keywords.add(value);
            }
        });
        return keywords;
    }

    /** All XMP properties; a packet recovered after a parse failure adds a second directory. */
    private static Map<String, String> xmpProperties(Metadata metadata) {
        Map<String, String> properties = new TreeMap<>();
        for (XmpDirectory xmp : metadata.getDirectoriesOfType(XmpDirectory.class)) {
            xmp.getXmpProperties().forEach(properties::putIfAbsent);
        }
        return properties;
    }
}
