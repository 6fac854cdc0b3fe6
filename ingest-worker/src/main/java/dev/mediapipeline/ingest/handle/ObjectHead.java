package dev.mediapipeline.ingest.handle;

import dev.mediapipeline.common.event.S3EventRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What the uploader declared about the object: its Content-Type and its x-amz-meta-tags, and the version S3
 * served (absent in an unversioned bucket). Taken from the headers of the first ranged GET; only an object of
 * which nothing was read needs a HEAD request, which also tells whether the event still describes the stored
 * version.
 */
record ObjectHead(Optional<String> declaredContentType, List<String> declaredTags, Optional<String> versionId) {

    static final String TAGS_METADATA = "tags";

    static ObjectHead of(GetObjectResponse response) {
        return of(response.contentType(), response.metadata(), response.versionId());
    }

    /** Empty when the object has been replaced since the event. */
    static Optional<ObjectHead> of(HeadObjectResponse head, S3EventRecord record) {
        return Optional.of(head).filter(h -> unquoted(h.eTag()).equals(unquoted(record.eTag().orElseThrow())))
                .map(h -> of(h.contentType(), h.metadata(), h.versionId()));
    }

    /** The object's current version, if it has one (not when the newest version is a delete marker). */
    static Optional<HeadObjectResponse> current(S3Client s3, String bucket, String key) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether S3 served another version than the event names: the event's version is no longer current. */
    boolean isAnotherVersionThan(S3EventRecord record) {
        return versionId.isPresent() && record.versionId().isPresent() && !versionId.equals(record.versionId());
    }

    private static ObjectHead of(String contentType, Map<String, String> metadata, String versionId) {
        String tags = metadata.getOrDefault(TAGS_METADATA, "");
        return new ObjectHead(Optional.ofNullable(contentType), Arrays.asList(tags.split(",")),
                Optional.ofNullable(versionId));
    }

    static String unquoted(String eTag) {
        return eTag.replace("\"", "");
    }
}
