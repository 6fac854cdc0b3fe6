package dev.mediapipeline.common.event;

/** What an event means for the object's item: a new version to extract, or no object any more. */
public enum S3EventKind {
    CREATED,
    REMOVED;

    /** Classifies an S3 eventName such as {@code ObjectCreated:Put}; empty for kinds the pipeline does not handle. */
    static java.util.Optional<S3EventKind> of(String eventName) {
        if (eventName.startsWith("ObjectCreated:")) {
            return java.util.Optional.of(CREATED);
        }
        if (eventName.startsWith("ObjectRemoved:")) {
            return java.util.Optional.of(REMOVED);
        }
        return java.util.Optional.empty();
    }
}
