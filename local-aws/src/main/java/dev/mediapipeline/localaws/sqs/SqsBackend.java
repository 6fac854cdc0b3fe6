package dev.mediapipeline.localaws.sqs;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ's SQS REST server (JSON and query protocols) on a free loopback port. Queue URLs it hands
 * out name the edge endpoint, so clients never see the internal port.
 */
public final class SqsBackend implements AutoCloseable {

    /** The account id in queue URLs and ARNs, as on LocalStack. */
    public static final String ACCOUNT_ID = "000000000000";

    private final SQSRestServer server;
    private final URI uri;

    private SqsBackend(SQSRestServer server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    public static SqsBackend start(String loopbackHost, URI edgeEndpoint, String region) {
        SQSRestServer server = SQSRestServerBuilder
                .withInterface(loopbackHost)
                .withDynamicPort()
                .withServerAddress(new NodeAddress(edgeEndpoint.getScheme(), edgeEndpoint.getHost(),
                        edgeEndpoint.getPort(), ""))
                .withAWSRegion(region)
                .withAWSAccountId(ACCOUNT_ID)
                .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new SqsBackend(server, URI.create("http://" + loopbackHost + ":" + port));
    }

    /** Where the edge forwards SQS requests. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
