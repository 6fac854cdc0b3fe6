package dev.mediapipeline.common.event;

import java.time.Instant;

/**
 * What happened to one object, as the notifier reports it.
 *
 * @param size object size in bytes (0 for removals)
 * @param eTag      without quotes ("" for removals)
 * @param versionId the version written or removed; null unless the bucket is versioned
 */
public record S3Event(S3EventType type, String bucket, String key, long size, String eTag, String versionId,
                      String sequencer, Instant time, String requestId, String hostId) {
}
