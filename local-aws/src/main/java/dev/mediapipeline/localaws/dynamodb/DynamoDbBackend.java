package dev.mediapipeline.localaws.dynamodb;

import dev.mediapipeline.localaws.LocalAwsOptions;
import dev.mediapipeline.localaws.dynamodb.item.ItemWriter;
import dev.mediapipeline.localaws.dynamodb.protocol.DynamoDbHandler;
import dev.mediapipeline.localaws.dynamodb.storage.Database;
import dev.mediapipeline.localaws.dynamodb.storage.ItemLocks;
import dev.mediapipeline.localaws.dynamodb.streams.StreamsOptions;
import dev.mediapipeline.localaws.dynamodb.streams.StreamsService;
import dev.mediapipeline.localaws.dynamodb.table.TableCatalog;
import dev.mediapipeline.localaws.dynamodb.ttl.TimeToLiveSweeper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * DynamoDB and DynamoDB Streams, our own emulator, served by a Jetty on a free loopback port that the edge
 * proxies to. One shared database serves every access key and region, as "any credentials" promises.
 */
public final class DynamoDbBackend implements AutoCloseable {

    private final Server server;
    private final Database database;
    private final TimeToLiveSweeper sweeper;
    private final URI uri;

    private DynamoDbBackend(Server server, Database database, TimeToLiveSweeper sweeper, URI uri) {
        this.server = server;
        this.database = database;
        this.sweeper = sweeper;
        this.uri = uri;
    }

    /**
     * @param dbDir   where tables and streams live across restarts; empty keeps them in memory
     * @param options the stack's region (in ARNs), TTL sweep interval and stream shard lifetime
     */
    public static DynamoDbBackend start(String loopbackHost, Optional<Path> dbDir, LocalAwsOptions options) throws Exception {
        Database database = dbDir.isPresent() ? Database.inDirectory(dbDir.get()) : Database.inMemory();
        try {
            Clock clock = Clock.systemUTC();
            StreamsOptions defaults = StreamsOptions.defaults();
            StreamsService streams = new StreamsService(database.store(), clock, new StreamsOptions(
                    options.streamShardLifetime(), defaults.retention(), defaults.iteratorLifetime()));
            TableCatalog catalog = new TableCatalog(database);
            ItemWriter writer = new ItemWriter(database, new ItemLocks(), streams);
            var operations = DynamoDbService.operations(database, catalog, writer, streams, streams::handle, options.region(), clock);
            QueuedThreadPool threads = new QueuedThreadPool(64, 4);
            threads.setName("local-aws-dynamodb");
            Server server = new Server(threads);
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(loopbackHost);
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(new DynamoDbHandler(operations));
            server.start();
            TimeToLiveSweeper sweeper = TimeToLiveSweeper.start(catalog, writer, clock, options.timeToLiveSweep());
            return new DynamoDbBackend(server, database, sweeper,
                    URI.create("http://" + loopbackHost + ":" + connector.getLocalPort()));
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    /** Where the edge forwards DynamoDB and DynamoDB Streams requests. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
            sweeper.close();
        } finally {
            database.close();
        }
    }
}
