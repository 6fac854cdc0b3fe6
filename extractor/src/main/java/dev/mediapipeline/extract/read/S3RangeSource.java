package dev.mediapipeline.extract.read;

import java.io.IOException;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One S3 object version read with ranged GETs. Every request carries If-Match with the event's ETag, so
 * an object overwritten while we read it fails fast ({@link ObjectChangedException}) instead of mixing
 * bytes of two versions.
 */
public final class S3RangeSource implements ByteSource {

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String ifMatch;
    private long size = -1;
    private GetObjectResponse firstResponse;

    public S3RangeSource(S3Client s3, String bucket, String key, String eTag) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.ifMatch = quoted(eTag);
    }

    /** Same, with the size already known from the event, which saves a HEAD request. */
    public S3RangeSource(S3Client s3, String bucket, String key, String eTag, long size) {
        this(s3, bucket, key, eTag);
        this.size = size;
    }

    @Override
    public long size() throws IOException {
        if (size < 0) {
            try {
                size = s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).ifMatch(ifMatch).build())
                        .contentLength();
            } catch (S3Exception e) {
                throw translate(e);
            }
        }
        return size;
    }

    @Override
    public void readFully(long position, byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        GetObjectRequest request = GetObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .ifMatch(ifMatch)
                .range("bytes=" + position + "-" + (position + length - 1))
                .build();
        ResponseBytes<GetObjectResponse> bytes;
        try {
            bytes = s3.getObjectAsBytes(request);
        } catch (S3Exception e) {
            throw translate(e);
        }
        if (firstResponse == null) {
            firstResponse = bytes.response();
        }
        byte[] body = bytes.asByteArrayUnsafe();
        if (body.length != length) {
            throw new IOException(name() + ": asked for " + length + " bytes at " + position + ", got " + body.length);
        }
        System.arraycopy(body, 0, target, offset, length);
    }

    /**
     * The headers of the first ranged GET (Content-Type, user metadata), so that no HEAD request is needed for
     * them; empty until something was read. If-Match makes them those of the event's version.
     */
    public Optional<GetObjectResponse> firstResponse() {
        return Optional.ofNullable(firstResponse);
    }

    @Override
    public String name() {
        return "s3://" + bucket + "/" + key;
    }

    private RuntimeException translate(S3Exception e) {
        return switch (e.statusCode()) {
            case 412 -> new ObjectChangedException(name() + " no longer has ETag " + ifMatch, e);
            case 404 -> new ObjectGoneException(name() + " does not exist any more", e);
            default -> e;
        };
    }

    /** S3 compares If-Match against the quoted ETag; events carry it unquoted. */
    private static String quoted(String eTag) {
        return eTag.startsWith("\"") ? eTag : "\"" + eTag + "\"";
    }
}
