package dev.mediapipeline.localaws.s3;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * S3Proxy serving a blob store on a free loopback port. It checks no signatures ("any credentials"),
 * but still decodes aws-chunked bodies and verifies their checksums.
 */
public final class S3Backend implements AutoCloseable {

    private final S3Proxy proxy;
    private final URI uri;

    private S3Backend(S3Proxy proxy, URI uri) {
        this.proxy = proxy;
        this.uri = uri;
    }

    public static S3Backend start(String loopbackHost, BlobStore blobStore) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://" + loopbackHost + ":0"))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
        }
        return new S3Backend(proxy, URI.create("http://" + loopbackHost + ":" + proxy.getPort()));
    }

    /** Where the edge forwards S3 requests. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
