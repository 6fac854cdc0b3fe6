package dev.mediapipeline.localaws.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local (with Streams) on a loopback port. {@code -sharedDb} makes every access key and region
 * see the same tables, as "any credentials" promises; {@code -disableTelemetry} keeps it off the network.
 */
public final class DynamoDbBackend implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final URI uri;

    private DynamoDbBackend(DynamoDBProxyServer server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    /** @param dbDir where tables live across restarts; empty keeps them in memory */
    public static DynamoDbBackend start(String loopbackHost, Optional<Path> dbDir) throws Exception {
        int port = freePort(loopbackHost);
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
        if (dbDir.isPresent()) {
            Files.createDirectories(dbDir.get());
            args.addAll(List.of("-dbPath", dbDir.get().toAbsolutePath().toString()));
        } else {
            args.add("-inMemory");
        }
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        server.start();
        return new DynamoDbBackend(server, URI.create("http://" + loopbackHost + ":" + port));
    }

    /** Where the edge forwards DynamoDB and DynamoDB Streams requests. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** DynamoDB Local takes a port number, not 0; the window between probe and bind is tiny. */
    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}
