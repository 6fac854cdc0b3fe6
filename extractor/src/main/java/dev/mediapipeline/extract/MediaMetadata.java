package dev.mediapipeline.extract;

import dev.mediapipeline.common.item.ItemAttributes;
import dev.mediapipeline.extract.sniff.MediaType;
import dev.mediapipeline.extract.tags.Tags;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What was learnt about one object, named as the UserMedia item attributes (docs/design.md, SchemaVersion 1).
 * {@link #toAttributes()} is the single rendering used by both the item writer and the extract command.
 * A FAILED result keeps every field that was read before the failure. Built by {@link Builder}, which
 * applies the rules for each field.
 *
 * @param width width as displayed (after orientation / rotation)
 * @param height height as displayed (after orientation / rotation)
 * @param takenAtZoneSource {@code file} when the offset of TakenAt is the file's own, {@code gps} when it comes
 *     from the position
 * @param motionPhoto the video a motion photo carries, or null for any other file
 * @param livePhotoId Apple's content identifier, the same in a Live Photo's still and its video
 * @param tags embedded keywords, normalised by {@link Tags#normalise}
 * @param truncated attributes whose value was cut to its limit, reported in the item's Truncated
 */
public record MediaMetadata(
        MediaType type,
        String contentType,
        Integer width,
        Integer height,
        Integer orientation,
        Long durationMillis,
        String takenAt,
        String takenAtSource,
        String takenAtZoneSource,
        String cameraMake,
        String cameraModel,
        String lensModel,
        Double gpsLatitude,
        Double gpsLongitude,
        Double gpsAltitude,
        String videoCodec,
        String audioCodec,
        Double frameRate,
        EmbeddedVideo motionPhoto,
        String livePhotoId,
        Set<String> tags,
        Set<String> truncated,
        long bytesRead,
        ErrorClass errorClass,
        String error) {

    public static final String STATUS_READY = ItemAttributes.STATUS_READY;
    public static final String STATUS_FAILED = ItemAttributes.STATUS_FAILED;
    /** Free text that ends up in a DynamoDB item is bounded, so a hostile file cannot blow the 400 KB item limit. */
    static final int MAX_TEXT = 256;
    static final int MAX_ERROR = 1024;

    /** Copies the sets, so a record handed out never changes under its reader. */
    public MediaMetadata {
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        truncated = Collections.unmodifiableSet(new TreeSet<>(truncated));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The item attributes, in schema order, absent values left out. Values are String, Integer, Long,
     * BigDecimal or Set&lt;String&gt; (a string set, never empty).
     */
    public Map<String, Object> toAttributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        put(a, ItemAttributes.TYPE, type == null ? null : type.wireName());
        put(a, ItemAttributes.CONTENT_TYPE, contentType);
        put(a, ItemAttributes.STATUS, status());
        put(a, ItemAttributes.WIDTH, width);
        put(a, ItemAttributes.HEIGHT, height);
        put(a, ItemAttributes.ORIENTATION, orientation);
        put(a, ItemAttributes.DURATION, durationMillis == null ? null : BigDecimal.valueOf(durationMillis, 3));
        put(a, ItemAttributes.TAKEN_AT, takenAt);
        put(a, ItemAttributes.TAKEN_AT_SOURCE, takenAtSource);
        put(a, ItemAttributes.TAKEN_AT_ZONE_SOURCE, takenAtZoneSource);
        put(a, ItemAttributes.CAMERA_MAKE, cameraMake);
        put(a, ItemAttributes.CAMERA_MODEL, cameraModel);
        put(a, ItemAttributes.LENS_MODEL, lensModel);
        put(a, ItemAttributes.GPS_LATITUDE, decimal(gpsLatitude, 7));
        put(a, ItemAttributes.GPS_LONGITUDE, decimal(gpsLongitude, 7));
        put(a, ItemAttributes.GPS_ALTITUDE, decimal(gpsAltitude, 3));
        put(a, ItemAttributes.VIDEO_CODEC, videoCodec);
        put(a, ItemAttributes.AUDIO_CODEC, audioCodec);
        put(a, ItemAttributes.FRAME_RATE, decimal(frameRate, 3));
        if (motionPhoto != null) {
            put(a, ItemAttributes.MOTION_PHOTO, Boolean.TRUE);
            put(a, ItemAttributes.MOTION_PHOTO_VIDEO_OFFSET, motionPhoto.offset());
            put(a, ItemAttributes.MOTION_PHOTO_VIDEO_LENGTH, motionPhoto.length());
            put(a, ItemAttributes.MOTION_PHOTO_VIDEO_DURATION,
                    motionPhoto.durationMillis() == null ? null : BigDecimal.valueOf(motionPhoto.durationMillis(), 3));
        }
        put(a, ItemAttributes.LIVE_PHOTO_ID, livePhotoId);
        put(a, ItemAttributes.TAGS, tags.isEmpty() ? null : tags);
        put(a, ItemAttributes.BYTES_READ, bytesRead);
        put(a, ItemAttributes.ERROR_CLASS, errorClass == null ? null : errorClass.wireName());
        put(a, ItemAttributes.ERROR, error);
        put(a, "Truncated", truncated.isEmpty() ? null : truncated);
        return a;
    }

    private static void put(Map<String, Object> a, String name, Object value) {
        if (value != null) {
            a.put(name, value);
        }
    }

    private static BigDecimal decimal(Double value, int scale) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    public String status() {
        return errorClass == null ? STATUS_READY : STATUS_FAILED;
    }

    @Override
    public String toString() {
        return toAttributes().toString();
    }

    /**
     * Collects fields while extractors run. Width/height are the stored (coded) dimensions; the builder
     * turns them into displayed dimensions from the EXIF orientation or the rotation, whichever the
     * extractor declared authoritative.
     */
    public static final class Builder {
        private MediaType type;
        private String contentType;
        private Integer width;
        private Integer height;
        private Integer orientation;
        private Integer rotationDegrees;
        private boolean orientationRotates = true;
        private Long durationMillis;
        private String takenAt;
        private String takenAtSource;
        private boolean takenAtUtc;
        private String takenAtZoneSource;
        private String cameraMake;
        private String cameraModel;
        private String lensModel;
        private Double gpsLatitude;
        private Double gpsLongitude;
        private Double gpsAltitude;
        private String videoCodec;
        private String audioCodec;
        private Double frameRate;
        private EmbeddedVideo motionPhoto;
        private String livePhotoId;
        private final Set<String> rawTags = new LinkedHashSet<>();
        private final Set<String> cut = new TreeSet<>();
        private long bytesRead;
        private ErrorClass errorClass;
        private String error;

        private Builder() {
        }

        public Builder type(MediaType v) { type = v; return this; }
        public MediaType type() { return type; }
        /** Extractors may refine the sniffed type (e.g. Matroska's DocType tells WebM apart). */
        public Builder contentType(String v) { contentType = v; return this; }
        public String contentType() { return contentType; }

        /** Stored (coded) dimensions, before orientation or rotation. Non-positive values are ignored. */
        public Builder storedDimensions(Integer w, Integer h) {
            if (w != null && h != null && w > 0 && h > 0) {
                width = w;
                height = h;
            }
            return this;
        }

        public boolean hasDimensions() { return width != null; }

        /** EXIF orientation 1–8; other values are ignored. */
        public Builder orientation(Integer v) {
            if (v != null && v >= 1 && v <= 8) {
                orientation = v;
            }
            return this;
        }

        /**
         * Whether the EXIF orientation changes the displayed dimensions. False for HEIF, where only the
         * container's irot transform applies.
         */
        public Builder orientationRotates(boolean v) { orientationRotates = v; return this; }

        /** Clockwise display rotation in degrees (video display matrix, HEIF irot). */
        public Builder rotationDegrees(Integer v) { rotationDegrees = v; return this; }

        public Builder durationMillis(Long v) {
            if (v != null && v >= 0) {
                durationMillis = v;
            }
            return this;
        }

        public Builder durationSeconds(double seconds) {
            if (Double.isFinite(seconds) && seconds >= 0) {
                durationMillis = Math.round(seconds * 1000);
            }
            return this;
        }

        public Long durationMillis() { return durationMillis; }

        /** Sets the capture time unless a higher-priority source already set it. */
        public Builder takenAtIfAbsent(String isoTime, String source) {
            if (takenAt == null && isoTime != null) {
                takenAt = isoTime;
                takenAtSource = source;
            }
            return this;
        }

        /**
         * A container's UTC time (ending in Z by convention, not because the camera was on UTC): shown in the
         * zone of the GPS position when there is one, and never said to be the file's zone.
         */
        public Builder takenAtUtcIfAbsent(String isoTime, String source) {
            if (takenAt == null && isoTime != null) {
                takenAtIfAbsent(isoTime, source);
                takenAtUtc = true;
            }
            return this;
        }

        public String takenAt() { return takenAt; }
        public boolean takenAtUtc() { return takenAtUtc; }

        /** The same capture time with the zone it was placed in, and where that zone came from. */
        public Builder takenAtZone(String isoTime, String zoneSource) {
            takenAt = isoTime;
            takenAtZoneSource = zoneSource;
            return this;
        }

        public Builder cameraMake(String v) { if (cameraMake == null) { cameraMake = text("CameraMake", v); } return this; }
        public Builder cameraModel(String v) { if (cameraModel == null) { cameraModel = text("CameraModel", v); } return this; }
        public Builder lensModel(String v) { if (lensModel == null) { lensModel = text("LensModel", v); } return this; }

        /** Signed decimal degrees; (0,0) from cameras without a fix and out-of-range values are ignored. */
        public Builder gps(Double latitude, Double longitude, Double altitude) {
            if (gpsLatitude != null || latitude == null || longitude == null
                    || !Double.isFinite(latitude) || !Double.isFinite(longitude)
                    || Math.abs(latitude) > 90 || Math.abs(longitude) > 180
                    || (latitude == 0 && longitude == 0)) {
                return this;
            }
            gpsLatitude = latitude;
            gpsLongitude = longitude;
            return gpsAltitude(altitude);
        }

        /** Metres above sea level (negative below); kept even when the position itself is unusable. */
        public Builder gpsAltitude(Double altitude) {
            if (gpsAltitude == null && altitude != null && Double.isFinite(altitude)) {
                gpsAltitude = altitude;
            }
            return this;
        }

        public Builder videoCodec(String v) { if (videoCodec == null) { videoCodec = text("VideoCodec", v); } return this; }
        public Builder audioCodec(String v) { if (audioCodec == null) { audioCodec = text("AudioCodec", v); } return this; }
        public String videoCodec() { return videoCodec; }
        public String audioCodec() { return audioCodec; }

        public Builder frameRate(Double v) {
            if (frameRate == null && v != null && Double.isFinite(v) && v > 0 && v < 10_000) {
                frameRate = v;
            }
            return this;
        }

        public Double frameRate() { return frameRate; }
        public Double gpsLatitude() { return gpsLatitude; }
        public Double gpsLongitude() { return gpsLongitude; }

        public Builder motionPhoto(EmbeddedVideo v) { if (motionPhoto == null) { motionPhoto = v; } return this; }
        public Builder livePhotoId(String v) { if (livePhotoId == null) { livePhotoId = text("LivePhotoId", v); } return this; }

        public Builder addTags(Collection<String> v) { rawTags.addAll(v); return this; }
        public Builder bytesRead(long v) { bytesRead = v; return this; }

        public Builder failed(ErrorClass errorClass, String message) {
            this.errorClass = errorClass;
            this.error = message == null ? errorClass.wireName() : truncate("Error", message, MAX_ERROR);
            return this;
        }

        public MediaMetadata build() {
            boolean swap = swapDimensions();
            Set<String> tags = Tags.normalise(rawTags);
            Set<String> truncated = new TreeSet<>(cut);
            if (Tags.lost(rawTags, tags)) {
                truncated.add("Tags");
            }
            return new MediaMetadata(type, contentType, swap ? height : width, swap ? width : height, orientation,
                    durationMillis, takenAt, takenAtSource, takenAtZoneSource, cameraMake, cameraModel, lensModel,
                    gpsLatitude, gpsLongitude, gpsAltitude, videoCodec, audioCodec, frameRate, motionPhoto,
                    livePhotoId, tags, truncated, bytesRead, errorClass, error);
        }

        private boolean swapDimensions() {
            if (rotationDegrees != null) {
                int r = Math.floorMod(rotationDegrees, 360);
                return r == 90 || r == 270;
            }
            return orientationRotates && orientation != null && orientation >= 5;
        }

        private String text(String name, String v) {
            if (v == null) {
                return null;
            }
            String t = v.strip();
            int nul = t.indexOf('\0');
            if (nul >= 0) {
                t = t.substring(0, nul).strip();
            }
            return t.isEmpty() ? null : truncate(name, t, MAX_TEXT);
        }

        private String truncate(String name, String s, int max) {
            if (s.length() <= max) {
                return s;
            }
            cut.add(name);
            return s.substring(0, max);
        }
    }
}
