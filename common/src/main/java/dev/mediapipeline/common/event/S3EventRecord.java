package dev.mediapipeline.common.event;

import java.time.Instant;
import java.util.Optional;

/**
 * One S3 event record, with the object key already URL-decoded: the one form items, logs and dead
 * letters show. Size and ETag are absent on removals.
 */
public record S3EventRecord(
        S3EventKind kind,
        String eventName,
        Instant eventTime,
        String bucket,
        String key,
        Optional<Long> size,
        Optional<String> eTag,
        Optional<String> versionId,
        String sequencer) {

    /**
     * Whether this removal deleted one version of the object for good ({@code ObjectRemoved:Delete} or
     * {@code LifecycleExpiration:Delete} naming a version), rather than the object: the version may not be
     * the one the item describes. A delete marker, or a delete in an unversioned bucket, removes the object.
     */
    public boolean removesOneVersion() {
        return kind == S3EventKind.REMOVED && versionId.isPresent() && eventName.endsWith(":Delete");
    }
}
