package dev.mediapipeline.common.item;

/**
 * Attribute names of the UserMedia item (SchemaVersion 1), the public contract that the stream's
 * downstream readers rely on. Keep in step with docs/design.md and the README's schema table.
 */
public final class ItemAttributes {

    public static final int SCHEMA_VERSION = 1;

    public static final String USER_ID = "UserId";
    public static final String MEDIA_ID = "MediaId";
    public static final String S3_BUCKET = "S3Bucket";
    public static final String S3_KEY = "S3Key";
    public static final String FILE_SIZE = "FileSize";
    public static final String ETAG = "ETag";
    public static final String SEQUENCER = "Sequencer";
    /** Sequencer left-padded to a fixed width, so that conditions can compare it as a string. */
    public static final String SEQUENCER_ORDER = "SequencerOrder";
    /** The S3 version the item describes, when the event named one (a versioned bucket). */
    public static final String VERSION_ID = "VersionId";
    public static final String UPLOAD_DATE = "UploadDate";
    public static final String TYPE = "Type";
    public static final String CONTENT_TYPE = "ContentType";
    public static final String DECLARED_CONTENT_TYPE = "DeclaredContentType";
    public static final String STATUS = "Status";
    public static final String EXTRACTOR_VERSION = "ExtractorVersion";
    public static final String PROCESSED_AT = "ProcessedAt";
    public static final String SCHEMA_VERSION_ATTRIBUTE = "SchemaVersion";
    public static final String TAGS = "Tags";
    public static final String WIDTH = "Width";
    public static final String HEIGHT = "Height";
    public static final String ORIENTATION = "Orientation";
    public static final String DURATION = "Duration";
    public static final String TAKEN_AT = "TakenAt";
    public static final String TAKEN_AT_SOURCE = "TakenAtSource";
    public static final String TAKEN_AT_ZONE_SOURCE = "TakenAtZoneSource";
    public static final String CAMERA_MAKE = "CameraMake";
    public static final String CAMERA_MODEL = "CameraModel";
    public static final String LENS_MODEL = "LensModel";
    public static final String GPS_LATITUDE = "GpsLatitude";
    public static final String GPS_LONGITUDE = "GpsLongitude";
    public static final String GPS_ALTITUDE = "GpsAltitude";
    public static final String VIDEO_CODEC = "VideoCodec";
    public static final String AUDIO_CODEC = "AudioCodec";
    public static final String FRAME_RATE = "FrameRate";
    public static final String MOTION_PHOTO = "MotionPhoto";
    public static final String MOTION_PHOTO_VIDEO_OFFSET = "MotionPhotoVideoOffset";
    public static final String MOTION_PHOTO_VIDEO_LENGTH = "MotionPhotoVideoLength";
    public static final String MOTION_PHOTO_VIDEO_DURATION = "MotionPhotoVideoDuration";
    public static final String LIVE_PHOTO_ID = "LivePhotoId";
    public static final String BYTES_READ = "BytesRead";
    public static final String ERROR_CLASS = "ErrorClass";
    public static final String ERROR = "Error";
    /** The attributes cut to keep the item small. */
    public static final String TRUNCATED = "Truncated";
    /** Sort key of the {@value #TIMELINE_INDEX} index: see {@link Timeline}. */
    public static final String TIMELINE_AT = "TimelineAt";
    public static final String TIMELINE_SOURCE = "TimelineSource";

    /** UserMedia's global secondary index: a user's media by capture time, {@link Timeline}. */
    public static final String TIMELINE_INDEX = "UserTimeline";

    /**
     * TTL attribute (epoch seconds): on the tombstone table's newest removal per (UserId, MediaId), and on
     * MediaTagIndex's removal markers.
     */
    public static final String EXPIRES_AT = "ExpiresAt";

    public static final String STATUS_READY = "READY";
    public static final String STATUS_FAILED = "FAILED";

    private ItemAttributes() {
    }
}
