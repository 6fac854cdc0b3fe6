package dev.mediapipeline.localaws;

import dev.mediapipeline.common.event.S3EventJson;
import dev.mediapipeline.localaws.dynamodb.DynamoDbBackend;
import dev.mediapipeline.localaws.edge.EdgeServer;
import dev.mediapipeline.localaws.edge.Service;
import dev.mediapipeline.localaws.notify.NotificationConfigurations;
import dev.mediapipeline.localaws.notify.S3Notifier;
import dev.mediapipeline.localaws.notify.Sequencer;
import dev.mediapipeline.localaws.s3.BucketNotificationApi;
import dev.mediapipeline.localaws.s3.KeyEncodingBlobStore;
import dev.mediapipeline.localaws.s3.KeyLayoutMigration;
import dev.mediapipeline.localaws.s3.NotifyingBlobStore;
import dev.mediapipeline.localaws.s3.S3Backend;
import dev.mediapipeline.localaws.sqs.SqsBackend;
import dev.mediapipeline.localaws.sqs.SqsQueueDelivery;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded AWS stack: S3, SQS and DynamoDB (+Streams) behind one endpoint, with S3 event
 * notifications to SQS. Any credentials and any region are accepted.
 *
 * <pre>{@code
 * try (LocalAws aws = LocalAws.start(LocalAwsOptions.defaults())) {
 *     URI endpoint = aws.endpoint(); // http://127.0.0.1:4566
 * }
 * }</pre>
 *
 * <p>With a data dir, its layout is {@code s3/} (objects, under their
 * {@link dev.mediapipeline.localaws.s3.KeyEncodingBlobStore stored names}, which {@code s3.layout} marks),
 * {@code sqs/} (queues and messages),
 * {@code dynamodb/} (tables and streams), {@code s3-notifications/} (bucket notification configurations
 * and the sequencer high-water mark).
 */
public final class LocalAws implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAws.class);
    /** Backends listen here only; clients reach them through the endpoint. */
    private static final String LOOPBACK = "127.0.0.1";

    private final URI endpoint;
    private final EdgeServer edge;
    private final DynamoDbBackend dynamoDb;
    /** S3, its event delivery, SQS, then the data dir lock: the order they stop in. */
    private final Deque<AutoCloseable> rest;

    private LocalAws(URI endpoint, EdgeServer edge, DynamoDbBackend dynamoDb, Deque<AutoCloseable> rest) {
        this.endpoint = endpoint;
        this.edge = edge;
        this.dynamoDb = dynamoDb;
        this.rest = rest;
    }

    /**
     * Starts everything and returns once the endpoint serves all three services.
     *
     * @throws IllegalStateException when it cannot; its cause says why, e.g. a {@link java.net.BindException}
     *         (the port is taken) or a {@link DataDirInUseException}
     */
    public static LocalAws start(LocalAwsOptions options) {
        long startedAt = System.nanoTime();
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            Optional<Path> dataDir = options.dataDir().map(Path::toAbsolutePath);
            if (dataDir.isPresent()) {
                running.push(lockDataDir(dataDir.get()));
            }
            EdgeServer edge = EdgeServer.bind(options.host(), options.port());
            running.push(edge);
            URI endpoint = edge.endpoint();

            // DynamoDB needs nothing from the others: it starts (opening its store) while SQS and S3 do.
            CompletableFuture<DynamoDbBackend> dynamoDbStarting = inBackground("local-aws-dynamodb-start",
                    () -> DynamoDbBackend.start(LOOPBACK, dataDir.map(d -> d.resolve("dynamodb")), options));
            running.push(new DynamoDbStart(dynamoDbStarting));

            SqsBackend sqs = SqsBackend.start(LOOPBACK, endpoint, options.region(), dataDir.map(d -> d.resolve("sqs")));
            running.push(sqs);
            SqsQueueDelivery delivery = new SqsQueueDelivery(sqs.uri(), options.region());
            running.push(delivery);

            Clock clock = Clock.systemUTC();
            S3Notifier notifier = new S3Notifier(
                    dataDir.map(d -> NotificationConfigurations.persistentIn(d.resolve("s3-notifications")))
                            .orElseGet(NotificationConfigurations::inMemory),
                    dataDir.map(d -> Sequencer.persistentIn(d.resolve("s3-notifications").resolve("sequencer"), clock))
                            .orElseGet(() -> Sequencer.inMemory(clock)),
                    new S3EventJson(options.region()), delivery, clock);
            BlobStore blobs = new KeyEncodingBlobStore(dataDir.isPresent()
                    ? filesystemBlobStore(dataDir.get().resolve("s3")) : new TransientNio2BlobStore());
            S3Backend s3 = S3Backend.start(LOOPBACK, new NotifyingBlobStore(blobs, notifier));
            running.push(s3);

            DynamoDbBackend dynamoDb = joined(dynamoDbStarting);
            edge.start(Map.of(Service.S3, s3.uri(), Service.SQS, sqs.uri(), Service.DYNAMODB, dynamoDb.uri()),
                    new BucketNotificationApi(notifier, blobs::containerExists));
            LOG.info("Embedded AWS (S3, SQS, DynamoDB + Streams) listening on {} ({}), started in {} ms",
                    endpoint, dataDir.map(d -> "data in " + d).orElse("in memory"), millisSince(startedAt));
            Deque<AutoCloseable> rest = new ArrayDeque<>(running);
            rest.remove(edge);
            rest.removeIf(part -> part instanceof DynamoDbStart);
            return new LocalAws(endpoint, edge, dynamoDb, rest);
        } catch (Exception e) {
            closeAll(running, e);
            throw new IllegalStateException("Embedded AWS failed to start on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The one endpoint for S3 (path-style), SQS and DynamoDB (+Streams), e.g. {@code http://127.0.0.1:4566}. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Stops the endpoint first, then the backends, DynamoDB beside the others since nothing connects them
     * once the endpoint is closed; data in a data dir is kept. Logs what each part took.
     */
    @Override
    public void close() {
        long begin = System.nanoTime();
        IllegalStateException failure = new IllegalStateException("Embedded AWS did not stop cleanly");
        // Closing the endpoint also closes its pooled connections to the backends, which SQS's server
        // would otherwise wait out before it stops.
        long edgeMillis = timed(edge, failure);
        CompletableFuture<Long> dynamoDbMillis = inBackground("local-aws-dynamodb-stop", () -> timed(dynamoDb, failure));
        long restMillis = timed(() -> closeAll(rest, failure), failure);
        long dynamoDbTook = dynamoDbMillis.join();
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
        LOG.info("Embedded AWS on {} stopped in {} ms: endpoint {} ms, then side by side S3 and SQS {} ms, DynamoDB {} ms",
                endpoint, millisSince(begin), edgeMillis, restMillis, dynamoDbTook);
    }

    private static long timed(AutoCloseable part, Exception failure) {
        long at = System.nanoTime();
        try {
            part.close();
        } catch (Exception e) {
            synchronized (failure) {
                failure.addSuppressed(e);
            }
        }
        return millisSince(at);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** DynamoDB while it may still be starting: closing waits for the start and closes what it started. */
    private record DynamoDbStart(CompletableFuture<DynamoDbBackend> starting) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            DynamoDbBackend started = starting.exceptionally(failure -> null).join();
            if (started != null) {
                started.close();
            }
        }
    }

    private static void closeAll(Deque<AutoCloseable> running, Exception failure) {
        while (!running.isEmpty()) {
            timed(running.pop(), failure);
        }
    }

    private static <T> CompletableFuture<T> inBackground(String threadName, Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(task.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static <T> T joined(CompletableFuture<T> future) throws Exception {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static BlobStore filesystemBlobStore(Path dir) throws IOException {
        Files.createDirectories(dir);
        KeyLayoutMigration.migrate(dir);
        return new FilesystemNio2BlobStore(dir.toString());
    }

    /** Two stacks writing one data dir would corrupt it: the second one fails to start instead. */
    private static AutoCloseable lockDataDir(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new DataDirInUseException(dataDir);
        }
        return channel::close;
    }
}
