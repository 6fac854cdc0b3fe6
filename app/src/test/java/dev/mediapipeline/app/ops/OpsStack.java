package dev.mediapipeline.app.ops;

import static org.awaitility.Awaitility.await;

import dev.mediapipeline.app.MediaPipeline;
import dev.mediapipeline.app.ops.metrics.MetricsExport;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.event.S3Event;
import dev.mediapipeline.common.event.S3EventJson;
import dev.mediapipeline.common.event.S3EventType;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.indexer.IndexerWorker;
import dev.mediapipeline.indexer.count.TagCounts;
import dev.mediapipeline.indexer.write.IndexDeadLetters;
import dev.mediapipeline.ingest.queue.IngestOptions;
import dev.mediapipeline.ingest.queue.IngestWorker;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * What {@code run} hosts, on the shared embedded stack, once per test JVM: both workers, the ops console
 * and its HTTP port, wired as ProcessHost wires them. Tests take it as a parameter and keep to their own
 * user ids; the queues and tables have their default names, as the CLI commands expect.
 */
public final class OpsStack implements AutoCloseable {

    static final Duration ITEM_WAIT = Duration.ofSeconds(60);
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    final PipelineConfig config;
    final AwsClients clients;
    private final MetricsExport metrics;
    private final OpsConsole console;
    private final IndexerWorker indexer;
    private final IngestWorker ingest;
    private final OpsServer server;

    private OpsStack() throws IOException {
        config = PipelineConfig.defaults().withEndpoint(SharedLocalAws.endpoint());
        clients = new AwsClients(config);
        new Provisioner(clients).provision();
        metrics = MetricsExport.create(clients, Map.of());
        console = OpsConsole.start(clients, metrics.registry(), metrics.prometheus());
        indexer = new IndexerWorker(clients, metrics.registry());
        indexer.start();
        ingest = new IngestWorker(clients, metrics.registry(), IngestOptions.defaults(), console.ingestObserver());
        ingest.start();
        server = console.serve("127.0.0.1", 0);
    }

    /** Resolves an {@link OpsStack} parameter: {@code @ExtendWith(OpsStack.Resolver.class)}. */
    public static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == OpsStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(OpsStack.class, k -> {
                        try {
                            return new OpsStack();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, OpsStack.class);
        }
    }

    URI opsUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** A user id no other test (or earlier run on a kept stack) uses. */
    static String user(String name) {
        return name + "-" + RUN;
    }

    /** Puts an object as any S3 client would; the bucket notification does the rest. */
    String put(String key, byte[] bytes) {
        return clients.s3().putObject(r -> r.bucket(config.bucket()).key(key), RequestBody.fromBytes(bytes)).eTag();
    }

    /** The same with the uploader's tags (x-amz-meta-tags). */
    String put(String key, byte[] bytes, String tags) {
        return clients.s3().putObject(r -> r.bucket(config.bucket()).key(key).metadata(Map.of("tags", tags)),
                RequestBody.fromBytes(bytes)).eTag();
    }

    Optional<Map<String, AttributeValue>> item(String user, String mediaId) {
        Map<String, AttributeValue> found = clients.dynamoDb().getItem(r -> r.tableName(config.mediaTable())
                .consistentRead(true).key(key(user, mediaId))).item();
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    Map<String, AttributeValue> awaitItem(String user, String mediaId) {
        return await().atMost(ITEM_WAIT).until(() -> item(user, mediaId), Optional::isPresent).orElseThrow();
    }

    static Map<String, AttributeValue> key(String user, String mediaId) {
        return Map.of("UserId", AttributeValue.fromS(user), "MediaId", AttributeValue.fromS(mediaId));
    }

    /** Runs one CLI command against the stack's endpoint; returns exit code, stdout and stderr. */
    Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withEndpoint = new String[args.length + 2];
        System.arraycopy(args, 0, withEndpoint, 0, args.length);
        withEndpoint[args.length] = "--endpoint";
        withEndpoint[args.length + 1] = config.endpoint().orElseThrow().toString();
        int code = MediaPipeline.commandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(withEndpoint);
        return new Cli(code, out.toString(), err.toString());
    }

    record Cli(int exitCode, String out, String err) {
    }

    /**
     * Deletes the item of an uploaded object behind the pipeline's back and parks the object's S3 event in
     * the DLQ, with a reason, as the worker would have after giving up on it.
     */
    void loseItemAndDeadLetterItsEvent(String user, String mediaId, String errorClass) {
        Map<String, AttributeValue> item = awaitItem(user, mediaId);
        clients.dynamoDb().deleteItem(r -> r.tableName(config.mediaTable()).key(key(user, mediaId)));
        String body = new S3EventJson(config.region()).record(new S3Event(S3EventType.OBJECT_CREATED_PUT,
                config.bucket(), "users/" + user + "/" + mediaId, Long.parseLong(item.get("FileSize").n()),
                item.get("ETag").s(), null, item.get("Sequencer").s(), Instant.now(), S3EventJson.newRequestId(),
                S3EventJson.newHostId()), "test");
        String dlq = clients.sqs().getQueueUrl(r -> r.queueName(config.ingestDlq())).queueUrl();
        clients.sqs().sendMessage(r -> r.queueUrl(dlq).messageBody(body).messageAttributes(Map.of(
                "ErrorClass", text(errorClass), "Error", text("gave up on " + mediaId))));
    }

    /**
     * Deletes the index entries and tag counts of an item behind the indexer's back and parks the item's
     * INSERT record on the index DLQ, as the indexer would have after its writes kept failing.
     */
    void loseIndexWritesAndParkTheirRecord(Map<String, AttributeValue> item) {
        String user = item.get("UserId").s();
        for (String tag : item.get("Tags").ss()) {
            clients.dynamoDb().deleteItem(r -> r.tableName(config.tagIndexTable()).key(Map.of(
                    "UserTag", AttributeValue.fromS(user + "#" + tag), "MediaId", item.get("MediaId"))));
            clients.dynamoDb().deleteItem(r -> r.tableName(config.tagIndexTable()).key(Map.of(
                    "UserTag", AttributeValue.fromS(user),
                    "MediaId", AttributeValue.fromS(TagCounts.countId(tag, item.get("MediaId").s())))));
        }
        Record insert = Record.builder().eventID("lost-" + item.get("MediaId").s()).eventName(OperationType.INSERT)
                .eventSource("aws:dynamodb").dynamodb(StreamRecord.builder()
                        .keys(key(user, item.get("MediaId").s())).newImage(item).sequenceNumber("1").build()).build();
        new IndexDeadLetters(clients.sqs(), config.indexDlq()).park(insert, "write-failed", "test: writes lost");
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    /** A small real image, different for each seed, so every upload has its own ETag. */
    public static byte[] image(String format, int seed) {
        BufferedImage image = new BufferedImage(64 + seed % 7, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(seed * 37 % 255, 120, 200));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A PNG whose header promises a chunk the file does not hold: the worker writes it FAILED, corrupt. */
    static byte[] corruptPng() {
        byte[] bytes = new byte[66];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0x10, 0, 0, 0, 0x10, 0, 8, 2};
        System.arraycopy(head, 0, bytes, 0, head.length);
        Arrays.fill(bytes, head.length, bytes.length, (byte) 0xff);
        return bytes;
    }

    @Override
    public void close() {
        server.close();
        ingest.close();
        indexer.close();
        console.close();
        metrics.close();
        clients.close();
    }
}
