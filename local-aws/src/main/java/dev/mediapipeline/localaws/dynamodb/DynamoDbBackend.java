package dev.mediapipeline.localaws.dynamodb;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

/**
 * DynamoDB Local (with Streams) served by our own Jetty on a free loopback port. Its request handler is
 * mounted directly rather than through {@code ServerRunner}, whose server binds every interface, prints
 * a banner to stdout and sets up telemetry. One shared database serves every access key and region,
 * as "any credentials" promises (DynamoDB Local's {@code -sharedDb}).
 */
public final class DynamoDbBackend implements AutoCloseable {

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final URI uri;

    private DynamoDbBackend(Server server, LocalDynamoDBServerHandler handler, URI uri) {
        this.server = server;
        this.handler = handler;
        this.uri = uri;
    }

    /** @param dbDir where tables and streams live across restarts; empty keeps them in memory */
    public static DynamoDbBackend start(String loopbackHost, Optional<Path> dbDir) throws Exception {
        if (dbDir.isPresent()) {
            Files.createDirectories(dbDir.get());
        }
        String dbPath = dbDir.map(d -> d.toAbsolutePath().toString()).orElse(null);
        LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(
                new LocalDynamoDBRequestHandler(0, dbDir.isEmpty(), dbPath, true, false), null);
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("local-aws-dynamodb");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(loopbackHost);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new ContextHandler(handler, "/"));
        try {
            server.start();
        } catch (Exception e) {
            handler.close();
            throw e;
        }
        return new DynamoDbBackend(server, handler, URI.create("http://" + loopbackHost + ":" + connector.getLocalPort()));
    }

    /** Where the edge forwards DynamoDB and DynamoDB Streams requests. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            handler.close();
        }
    }
}
