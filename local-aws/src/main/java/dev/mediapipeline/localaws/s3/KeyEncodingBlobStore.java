package dev.mediapipeline.localaws.s3;

import java.io.InputStream;
import java.util.List;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Stores each key under its {@link StoredNames stored name}, so that a file-system blob store holds keys
 * that are prefixes of other keys, and gives the keys back as they were. Object listings are
 * {@link KeyListing worked out here}, since stored names do not sort as keys do.
 */
public final class KeyEncodingBlobStore extends ForwardingBlobStore {

    public KeyEncodingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        return new KeyListing(delegate()).list(request);
    }

    @Override
    public boolean blobExists(String bucket, String key) {
        return super.blobExists(bucket, StoredNames.encode(key));
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        return super.putBlob(request.toBuilder().key(StoredNames.encode(request.key())).build(), input);
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        return super.copyBlob(request.toBuilder()
                .sourceKey(StoredNames.encode(request.sourceKey()))
                .destinationKey(StoredNames.encode(request.destinationKey())).build());
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        return super.blobMetadata(request.toBuilder().key(StoredNames.encode(request.key())).build());
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        return super.getBlob(request.toBuilder().key(StoredNames.encode(request.key())).build());
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        return super.removeBlob(request.toBuilder().key(StoredNames.encode(request.key())).build());
    }

    @Override
    public ListObjectVersionsResponse listVersions(ListObjectVersionsRequest request) {
        ListObjectVersionsRequest.Builder stored = request.toBuilder();
        if (request.prefix() != null) {
            stored.prefix(StoredNames.encodePrefix(request.prefix()));
        }
        if (request.keyMarker() != null) {
            stored.keyMarker(StoredNames.encode(request.keyMarker()));
        }
        ListObjectVersionsResponse response = super.listVersions(stored.build());
        return response.toBuilder()
                .prefix(request.prefix())
                .keyMarker(request.keyMarker())
                .nextKeyMarker(response.nextKeyMarker() == null ? null : StoredNames.decode(response.nextKeyMarker()))
                .versions(response.versions().stream()
                        .map(v -> v.toBuilder().key(StoredNames.decode(v.key())).build()).toList())
                .deleteMarkers(response.deleteMarkers().stream()
                        .map(m -> m.toBuilder().key(StoredNames.decode(m.key())).build()).toList())
                .commonPrefixes(response.commonPrefixes().stream().map(KeyEncodingBlobStore::decoded).toList())
                .build();
    }

    @Override
    public ObjectCannedACL getBlobAccess(String bucket, String key) {
        return super.getBlobAccess(bucket, StoredNames.encode(key));
    }

    @Override
    public ObjectCannedACL getBlobAccess(String bucket, String key, String versionId) {
        return super.getBlobAccess(bucket, StoredNames.encode(key), versionId);
    }

    @Override
    public GetObjectAclResponse getBlobAcl(GetObjectAclRequest request) {
        return super.getBlobAcl(request.toBuilder().key(StoredNames.encode(request.key())).build());
    }

    @Override
    public void setBlobAccess(String bucket, String key, ObjectCannedACL access) {
        super.setBlobAccess(bucket, StoredNames.encode(key), access);
    }

    @Override
    public void setBlobAccess(String bucket, String key, ObjectCannedACL access, String versionId) {
        super.setBlobAccess(bucket, StoredNames.encode(key), access, versionId);
    }

    /** The upload as S3Proxy knows it, by key: it makes its own from the request's key for later calls. */
    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        MultipartUpload stored = super.initiateMultipartUpload(
                request.toBuilder().key(StoredNames.encode(request.key())).build());
        return new MultipartUpload(stored.id(), request, stored.response() == null ? null
                : stored.response().toBuilder().key(request.key()).build());
    }

    @Override
    public void abortMultipartUpload(MultipartUpload upload) {
        super.abortMultipartUpload(stored(upload));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(stored(upload),
                request.toBuilder().key(StoredNames.encode(request.key())).build());
        return response.toBuilder().key(request.key()).build();
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request,
                                                  InputStream input) {
        return super.uploadMultipartPart(stored(upload),
                request.toBuilder().key(StoredNames.encode(request.key())).build(), input);
    }

    @Override
    public List<Part> listMultipartUpload(MultipartUpload upload) {
        return super.listMultipartUpload(stored(upload));
    }

    @Override
    public List<software.amazon.awssdk.services.s3.model.MultipartUpload> listMultipartUploads(String bucket) {
        return super.listMultipartUploads(bucket).stream()
                .map(u -> u.toBuilder().key(StoredNames.decode(u.key())).build()).toList();
    }

    private static MultipartUpload stored(MultipartUpload upload) {
        return new MultipartUpload(upload.id(),
                upload.request().toBuilder().key(StoredNames.encode(upload.request().key())).build(),
                upload.response());
    }

    private static CommonPrefix decoded(CommonPrefix prefix) {
        return CommonPrefix.builder().prefix(StoredNames.decode(prefix.prefix())).build();
    }
}
