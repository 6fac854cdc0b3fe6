package dev.mediapipeline.localaws.sqs;

import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.http.scaladsl.Http;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scalikejdbc.ConnectionPool$;
import scalikejdbc.ConnectionPoolSettings;
import scala.concurrent.Await;
import scala.concurrent.duration.FiniteDuration;
import scala.collection.immutable.List$;
import scala.util.Either;

/**
 * ElasticMQ's SQS REST server (JSON and query protocols) on a free loopback port. Queue URLs it hands
 * out name the edge endpoint, so clients never see the internal port. With a directory, queues and
 * their messages (with receive counts and visibility) are kept in an H2 database there, as the
 * ElasticMQ server does, and restored on start.
 */
public final class SqsBackend implements AutoCloseable {

    /** The account id in queue URLs and ARNs, as on LocalStack. */
    public static final String ACCOUNT_ID = "000000000000";
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
    /**
     * How long a stop lets requests in flight finish. ElasticMQ's own stop allows a minute, which a
     * pending long poll (up to 20 s) uses up although its caller is gone: the edge closes first.
     */
    private static final FiniteDuration STOP_GRACE = FiniteDuration.apply(250, TimeUnit.MILLISECONDS);
    private static final FiniteDuration STOP_TIMEOUT = FiniteDuration.apply(30, TimeUnit.SECONDS);

    private final Http.ServerBinding server;
    private final ActorSystem actorSystem;
    private final URI uri;
    private final boolean persistent;

    private SqsBackend(Http.ServerBinding server, ActorSystem actorSystem, URI uri, boolean persistent) {
        this.server = server;
        this.actorSystem = actorSystem;
        this.uri = uri;
        this.persistent = persistent;
    }

    /** @param storeDir where queues and messages live across restarts; empty keeps them in memory */
    public static SqsBackend start(String loopbackHost, URI edgeEndpoint, String region, Optional<Path> storeDir)
            throws Exception {
        // LocalAws.close() stops the actor system; Pekko's own JVM shutdown hook would race it.
        ActorSystem actorSystem = ActorSystem.create("local-aws-sqs", ConfigFactory
                .parseString("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\npekko.jvm-shutdown-hooks = off")
                .withFallback(ConfigFactory.load()));
        try {
            Option<ActorRef> store = Option.empty();
            if (storeDir.isPresent()) {
                Files.createDirectories(storeDir.get());
                // WRITE_DELAY=0: H2 writes each commit to the file at once instead of up to a second later, so
                // an S3 event acknowledged to the uploader survives kill -9 (the send waits for this commit).
                String url = "jdbc:h2:" + storeDir.get().resolve("queues").toAbsolutePath()
                        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
                SqlQueuePersistenceConfig config = SqlQueuePersistenceConfig.apply(true, "org.h2.Driver", url, "sa", "",
                        false);
                openStore(url, config);
                store = Option.apply(actorSystem.actorOf(Props.create(SqlQueuePersistenceActor.class,
                        () -> new SqlQueuePersistenceActor(config, List$.MODULE$.empty()))));
            }
            Option<ActorRef> listener = store;
            ActorRef queueManager = actorSystem.actorOf(Props.create(QueueManagerActor.class,
                    () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, listener)));
            SQSRestServer server = SQSRestServerBuilder
                    .withActorSystem(actorSystem)
                    .withQueueManagerActor(queueManager)
                    .withInterface(loopbackHost)
                    .withDynamicPort()
                    .withServerAddress(new NodeAddress(edgeEndpoint.getScheme(), edgeEndpoint.getHost(),
                            edgeEndpoint.getPort(), ""))
                    .withAWSRegion(region)
                    .withAWSAccountId(ACCOUNT_ID)
                    .start();
            Http.ServerBinding binding = server.waitUntilStarted();
            int port = binding.localAddress().getPort();
            if (store.isDefined()) {
                restore(store.get(), queueManager, storeDir.get());
            }
            return new SqsBackend(binding, actorSystem, URI.create("http://" + loopbackHost + ":" + port),
                    store.isDefined());
        } catch (Exception | Error e) {
            actorSystem.terminate();
            throw e;
        }
    }

    /** Where the edge forwards SQS requests. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() throws Exception {
        try {
            Await.result(server.terminate(STOP_GRACE), STOP_TIMEOUT);
        } finally {
            actorSystem.terminate();
            actorSystem.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (persistent) {
                // ElasticMQ leaves its store's connections open; H2 would close the database in a JVM shutdown
                // hook instead, after the stop's summary and unaccounted for in it (DB_CLOSE_ON_EXIT=FALSE).
                ConnectionPool$.MODULE$.closeAll();
            }
        }
    }

    /**
     * ElasticMQ's store uses the JVM's one default connection pool and opens it only the first time, so a
     * later stack in the same JVM would write to the first one's data dir, or to nothing once that closed:
     * each stack opens it for its own data dir, and closes it when it stops.
     */
    private static void openStore(String url, SqlQueuePersistenceConfig config) {
        ConnectionPoolSettings settings = ConnectionPool$.MODULE$.singleton$default$4();
        ConnectionPool$.MODULE$.singleton(url, config.username(), config.password(), settings,
                ConnectionPool$.MODULE$.singleton$default$5(url, config.username(), config.password(), settings));
    }

    private static void restore(ActorRef store, ActorRef queueManager, Path storeDir) throws Exception {
        Object result = Patterns.ask(store, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT)
                .toCompletableFuture().get(RESTORE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (result instanceof Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("cannot restore SQS queues from " + storeDir + ": " + either.left().get());
        }
    }
}
