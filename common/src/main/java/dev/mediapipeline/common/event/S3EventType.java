package dev.mediapipeline.common.event;

/** The S3 event names this stack emits, spelled as in the event's {@code eventName}. */
public enum S3EventType {
    OBJECT_CREATED_PUT("ObjectCreated:Put"),
    OBJECT_CREATED_COPY("ObjectCreated:Copy"),
    OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD("ObjectCreated:CompleteMultipartUpload"),
    OBJECT_REMOVED_DELETE("ObjectRemoved:Delete"),
    /** A delete without a version id in a versioning-enabled bucket. */
    OBJECT_REMOVED_DELETE_MARKER_CREATED("ObjectRemoved:DeleteMarkerCreated");

    private final String eventName;

    S3EventType(String eventName) {
        this.eventName = eventName;
    }

    /** As in the event JSON, e.g. {@code ObjectCreated:Put}. */
    public String eventName() {
        return eventName;
    }

    /**
     * Whether a configured event ({@code s3:ObjectCreated:*}, {@code s3:ObjectCreated:Put}, ...)
     * selects this event.
     */
    public boolean selectedBy(String configuredEvent) {
        String full = "s3:" + eventName;
        if (configuredEvent.endsWith(":*")) {
            return full.startsWith(configuredEvent.substring(0, configuredEvent.length() - 1));
        }
        return full.equals(configuredEvent);
    }

    public boolean isRemoval() {
        return this == OBJECT_REMOVED_DELETE || this == OBJECT_REMOVED_DELETE_MARKER_CREATED;
    }
}
