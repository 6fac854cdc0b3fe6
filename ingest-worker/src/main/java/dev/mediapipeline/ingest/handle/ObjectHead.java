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
 * What the uploader declared about the object: its Content-Type and its x-amz-meta-tags. Taken from the
 * headers of the first ranged GET; only an object of which nothing was read needs a HEAD request, which
 * also tells whether the event still describes the stored version.
 */
record ObjectHead(Optional<String> declaredContentType, List<String> declaredTags) {

    static final String TAGS_METADATA = "tags";

    static ObjectHead of(GetObjectResponse response) {
        return of(response.contentType(), response.metadata());
    }

    /** Empty when the object is gone or has been replaced since the event. */
    static Optional<ObjectHead> read(S3Client s3, S3EventRecord record) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(r -> r.bucket(record.bucket()).key(record.key()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        if (!unquoted(head.eTag()).equals(unquoted(record.eTag().orElseThrow()))) {
            return Optional.empty();
        }
        return Optional.of(of(head.contentType(), head.metadata()));
    }

    private static ObjectHead of(String contentType, Map<String, String> metadata) {
        String tags = metadata.getOrDefault(TAGS_METADATA, "");
        return new ObjectHead(Optional.ofNullable(contentType), Arrays.asList(tags.split(",")));
    }

    static String unquoted(String eTag) {
        return eTag.replace("\"", "");
    }
}
