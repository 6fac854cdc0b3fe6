package dev.mediapipeline.localaws.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ListObjectsV2 over a store that holds {@link StoredNames stored names}: every object under the prefix,
 * in S3's order (the keys' UTF-8 bytes), grouped by any delimiter, a page at a time. The continuation
 * token is the last key or common prefix of the page. The file-system store reads every object under the
 * prefix for each page too, so this costs what listing cost before.
 */
final class KeyListing {

    private static final int DEFAULT_MAX_KEYS = 1000;
    private static final Comparator<String> S3_ORDER = Comparator.comparing(
            (String key) -> key.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    private final BlobStore stored;

    KeyListing(BlobStore stored) {
        this.stored = stored;
    }

    ListObjectsV2Response list(ListObjectsV2Request request) {
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        int maxKeys = request.maxKeys() == null ? DEFAULT_MAX_KEYS : request.maxKeys();
        String token = request.continuationToken();
        String startAfter = token == null ? request.startAfter() : token;

        List<S3Object> contents = new ArrayList<>();
        List<CommonPrefix> commonPrefixes = new ArrayList<>();
        String last = null;
        boolean truncated = false;
        for (S3Object object : objectsUnder(request.bucket(), prefix)) {
            String key = object.key();
            if (startAfter != null && S3_ORDER.compare(key, startAfter) <= 0) {
                continue;
            }
            String rolledUp = rolledUp(key, prefix, delimiter);
            String entry = rolledUp == null ? key : rolledUp;
            if (rolledUp != null && (rolledUp.equals(last) || token != null && S3_ORDER.compare(rolledUp, token) <= 0)) {
                continue; // its common prefix is listed already, on this page or an earlier one
            }
            if (contents.size() + commonPrefixes.size() == maxKeys) {
                truncated = true;
                break;
            }
            if (rolledUp == null) {
                contents.add(object);
            } else {
                commonPrefixes.add(CommonPrefix.builder().prefix(rolledUp).build());
            }
            last = entry;
        }
        return ListObjectsV2Response.builder()
                .name(request.bucket())
                .prefix(request.prefix())
                .delimiter(request.delimiter())
                .maxKeys(maxKeys)
                .encodingType(request.encodingType())
                .continuationToken(token)
                .startAfter(request.startAfter())
                .contents(contents)
                .commonPrefixes(commonPrefixes)
                .keyCount(contents.size() + commonPrefixes.size())
                .isTruncated(truncated)
                .nextContinuationToken(truncated ? last : null)
                .build();
    }

    /** The common prefix {@code key} rolls up into, or null if it is listed itself. */
    private static String rolledUp(String key, String prefix, String delimiter) {
        if (delimiter == null) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    private List<S3Object> objectsUnder(String bucket, String prefix) {
        List<S3Object> objects = new ArrayList<>();
        ListObjectsV2Request.Builder page = ListObjectsV2Request.builder().bucket(bucket)
                .prefix(StoredNames.encodePrefix(prefix)).maxKeys(Integer.MAX_VALUE);
        while (true) {
            ListObjectsV2Response response = stored.list(page.build());
            for (S3Object object : response.contents()) {
                String key = StoredNames.decode(object.key());
                if (key.startsWith(prefix)) {
                    objects.add(object.toBuilder().key(key).build());
                }
            }
            if (!Boolean.TRUE.equals(response.isTruncated())) {
                break;
            }
            page.continuationToken(response.nextContinuationToken());
        }
        objects.sort(Comparator.comparing(S3Object::key, S3_ORDER));
        return objects;
    }
}
