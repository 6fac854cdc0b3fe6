package dev.mediapipeline.common.event;

import java.time.Instant;
import java.util.Optional;

/**
 * One S3 event record, with the object key already URL-decoded ({@code rawKey} keeps the encoded
 * form as S3 sent it). Size and ETag are absent on removals.
 */
public record S3EventRecord(
        S3EventKind kind,
        String eventName,
        Instant eventTime,
        String bucket,
        String key,
        String rawKey,
        Optional<Long> size,
        Optional<String> eTag,
        Optional<String> versionId,
        String sequencer) {
}
