package dev.mediapipeline.ingest.handle;

import java.util.Optional;

/**
 * What handling one S3 record came to. Only {@link #rejection()} needs the message to go anywhere
 * but away: the others are all finished work, including the no-ops.
 */
public record RecordResult(Kind kind, Optional<String> rejection) {

    public enum Kind {
        /** The item was written or removed. */
        APPLIED,
        /** The table already knows this or a newer state of the key: nothing written. */
        STALE,
        /** The object is gone or has another ETag: a newer event will tell its story. */
        OBJECT_CHANGED,
        /** The key breaks the layout; the message belongs in the dead-letter queue. */
        REJECTED
    }

    static RecordResult of(Kind kind) {
        return new RecordResult(kind, Optional.empty());
    }

    static RecordResult rejected(String reason) {
        return new RecordResult(Kind.REJECTED, Optional.of(reason));
    }
}
