package dev.mediapipeline.localaws.s3;

import dev.mediapipeline.common.event.S3EventType;
import dev.mediapipeline.localaws.notify.S3Notifier;
import java.io.InputStream;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Blob store middleware that reports S3 events once the wrapped store has completed a put, copy,
 * multipart completion or delete. Operations that fail throw before any event is sent.
 */
public final class NotifyingBlobStore extends ForwardingBlobStore {

    /** S3Proxy keeps a stub object per open multipart upload under this prefix; it is not user data. */
    private static final String S3PROXY_MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";

    private final S3Notifier notifier;
    private final KeyLocks locks = new KeyLocks();

    public NotifyingBlobStore(BlobStore delegate, S3Notifier notifier) {
        super(delegate);
        this.notifier = notifier;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        if (request.key().startsWith(S3PROXY_MULTIPART_STUB_PREFIX)) {
            return super.putBlob(request, input);
        }
        return locks.withLock(request.bucket(), request.key(), () -> {
            PutObjectResponse response = super.putBlob(request, input);
            created(S3EventType.OBJECT_CREATED_PUT, request.bucket(), request.key());
            return response;
        });
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        return locks.withLock(request.destinationBucket(), request.destinationKey(), () -> {
            CopyObjectResponse response = super.copyBlob(request);
            created(S3EventType.OBJECT_CREATED_COPY, request.destinationBucket(), request.destinationKey());
            return response;
        });
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        return locks.withLock(upload.containerName(), upload.blobName(), () -> {
            CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
            created(S3EventType.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD, upload.containerName(), upload.blobName());
            return response;
        });
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        if (request.key().startsWith(S3PROXY_MULTIPART_STUB_PREFIX)) {
            return super.removeBlob(request);
        }
        return locks.withLock(request.bucket(), request.key(), () -> {
            DeleteObjectResponse response = super.removeBlob(request);
            S3EventType type = Boolean.TRUE.equals(response.deleteMarker()) && request.versionId() == null
                    ? S3EventType.OBJECT_REMOVED_DELETE_MARKER_CREATED : S3EventType.OBJECT_REMOVED_DELETE;
            notifier.notify(type, request.bucket(), request.key(), 0, "", response.versionId());
            return response;
        });
    }

    @Override
    public void deleteBucket(String bucket) {
        super.deleteBucket(bucket);
        notifier.configurations().remove(bucket);
    }

    @Override
    public void deleteContainer(String bucket) {
        super.deleteContainer(bucket);
        notifier.configurations().remove(bucket);
    }

    /** Size and ETag as stored, read under the key's lock so they belong to this write. */
    private void created(S3EventType type, String bucket, String key) {
        HeadObjectResponse head = delegate().blobMetadata(bucket, key);
        notifier.notify(type, bucket, key, head.contentLength(), unquoted(head.eTag()), head.versionId());
    }

    private static String unquoted(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }
}
