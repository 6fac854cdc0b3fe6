package dev.mediapipeline.common.event;

import java.util.Optional;

/** What an event means for the object's item: a new version to extract, or no object (or version) any more. */
public enum S3EventKind {
    CREATED,
    REMOVED;

    /**
     * Classifies an S3 eventName such as {@code ObjectCreated:Put}; empty for kinds the pipeline does not handle.
     * A lifecycle expiration removes the object (or one version of it) as a DELETE request would.
     */
    static Optional<S3EventKind> of(String eventName) {
        if (eventName.startsWith("ObjectCreated:")) {
            return Optional.of(CREATED);
        }
        if (eventName.startsWith("ObjectRemoved:") || eventName.startsWith("LifecycleExpiration:")) {
            return Optional.of(REMOVED);
        }
        return Optional.empty();
    }
}
