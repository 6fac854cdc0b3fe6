package dev.mediapipeline.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.event.S3EventKind;
import dev.mediapipeline.extract.MediaExtraction;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.FileByteSource;
import dev.mediapipeline.extract.tags.Tags;
import dev.mediapipeline.extract.testing.SampleCorpus;
import dev.mediapipeline.extract.testing.SlowMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The reliability guarantees of issue 4, tried as a user would: the packaged application in a child JVM
 * ({@code run --compute C --data-dir DIR --port N --ops-port 0}), stock AWS SDK clients, real S3 events,
 * once with the long-running workers and once with the Lambda handlers behind in-process event source
 * mappings. The tests of one engine share one data dir and run in order: the later ones kill the process
 * with SIGKILL and stop it with SIGTERM, and check what the restarted process finds.
 */
@ParameterizedClass(name = "--compute {0}")
@ValueSource(strings = {"ecs", "lambda"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosSuiteTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** After a crash: messages held by the dead worker come back when their 30 s visibility runs out. */
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(150);
    private static final Comparator<Path> SMALLEST_FIRST = Comparator.comparingLong(ChaosSuiteTest::size)
            .thenComparing(Path::toString);
    private static final String PROBE_KEY_ID = "AKIACHAOSPROBE7Q2XZ4";
    private static final String PROBE_SECRET = "chaosProbeSecret" + Long.toString(System.nanoTime(), 36);

    /** Child process output is kept here, beside the surefire reports, for whoever reads a failure. */
    private static final Path LOGS = Path.of("target", "chaos-logs");

    @TempDir
    static Path work;
    /** ecs or lambda: what {@code run --compute} is given. */
    @Parameter
    String engine;
    private static Path dataDir;
    private static int port;
    private static PipelineProcess pipeline;
    private static AwsClients clients;
    private static EventTap tap;
    private static String ingestUrl;
    private static String dlqUrl;
    private static final Map<String, Message> deadLetters = new LinkedHashMap<>();

    @BeforeParameterizedClassInvocation
    static void startPipeline(String engine) {
        deadLetters.clear();
        dataDir = work.resolve("data-" + engine);
        port = PipelineProcess.freePort();
        pipeline = startRun(engine);
        clients = new AwsClients(PipelineConfig.defaults().withEndpoint(pipeline.endpoint()));
        tap = EventTap.create(clients, "chaos-tap");
        ingestUrl = clients.sqs().getQueueUrl(r -> r.queueName(clients.config().ingestQueue())).queueUrl();
        dlqUrl = clients.sqs().getQueueUrl(r -> r.queueName(clients.config().ingestDlq())).queueUrl();
    }

    private static PipelineProcess startRun(String engine) {
        return PipelineProcess.start("run", dataDir, port, LOGS, "--ops-port", "0", "--compute", engine);
    }

    @AfterParameterizedClassInvocation
    static void stopPipeline() {
        if (pipeline != null && pipeline.isAlive()) {
            pipeline.terminate(Duration.ofSeconds(30));
        }
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    @Order(1)
    void aRealEventDeliveredThreeMoreTimesChangesNeitherTheItemNorTheStream() {
        String key = "users/dup/photo.jpg";
        put(tap.bucket(), key, jpegs().get(0), "beach");
        String event = tap.take(S3EventKind.CREATED, key);

        send(event);
        Map<String, AttributeValue> first = awaitItem("dup", "photo.jpg");
        assertThat(StreamRecords.of(clients, "dup", "photo.jpg")).containsExactly("INSERT");
        for (int i = 0; i < 3; i++) {
            send(event);
        }
        awaitIngestQueueDrained();

        assertThat(item("dup", "photo.jpg").orElseThrow().get("ProcessedAt")).isEqualTo(first.get("ProcessedAt"));
        assertThat(StreamRecords.of(clients, "dup", "photo.jpg")).containsExactly("INSERT");
        await().atMost(RECOVERY_WAIT).until(() -> mediaTagged("dup", "beach").equals(List.of("photo.jpg")));
    }

    @Test
    @Order(2)
    void aCreateReplayedAfterTheDeleteDoesNotBringTheMediaBack() {
        String key = "users/undead/photo.jpg";
        put(tap.bucket(), key, jpegs().get(1), "ghost");
        String created = tap.take(S3EventKind.CREATED, key);
        send(created);
        awaitItem("undead", "photo.jpg");
        await().atMost(RECOVERY_WAIT).until(() -> mediaTagged("undead", "ghost").size() == 1);

        clients.s3().deleteObject(r -> r.bucket(tap.bucket()).key(key));
        send(tap.take(S3EventKind.REMOVED, key));
        await().atMost(WAIT).until(() -> item("undead", "photo.jpg").isEmpty());
        send(created);
        awaitIngestQueueDrained();

        assertThat(item("undead", "photo.jpg")).isEmpty();
        assertThat(mediaOf("undead")).isEmpty();
        assertThat(StreamRecords.of(clients, "undead", "photo.jpg")).containsExactly("INSERT", "REMOVE");
        await().atMost(WAIT).until(() -> mediaTagged("undead", "ghost").isEmpty());
    }

    @Test
    @Order(3)
    void anSnsWrappedRealEventIsProcessed() {
        String key = "users/sns/photo.jpg";
        put(tap.bucket(), key, jpegs().get(2), "");
        String event = tap.take(S3EventKind.CREATED, key);

        send("{\"Type\":\"Notification\",\"MessageId\":\"c0ffee\",\"TopicArn\":\"arn:aws:sns:us-east-1:000000000000:media\","
                + "\"Subject\":\"Amazon S3 Notification\",\"Message\":"
                + TextNode.valueOf(event) + "}");

        assertThat(awaitItem("sns", "photo.jpg").get("Status").s()).isEqualTo("READY");
    }

    @Test
    @Order(4)
    void theUserComesFromTheKeyNeverFromMetadataTheUploaderSets() {
        clients.s3().putObject(r -> r.bucket(clients.config().bucket()).key("users/tenant/photo.jpg")
                .metadata(Map.of("tags", "shared", "userid", "mallory", "user-id", "mallory", "user", "mallory")),
                RequestBody.fromBytes(jpegs().get(2)));

        assertThat(awaitItem("tenant", "photo.jpg").get("UserId").s()).isEqualTo("tenant");
        await().atMost(RECOVERY_WAIT).until(() -> mediaTagged("tenant", "shared").equals(List.of("photo.jpg")));
        assertThat(mediaOf("mallory")).isEmpty();
        assertThat(mediaTagged("mallory", "shared")).isEmpty();
    }

    @Test
    @Order(5)
    void hostileKeysAndMalformedMessagesAreDeadLetteredWithTheirReasonAndTheTestEventIsNot() {
        Map<String, String> hostileKeys = new LinkedHashMap<>();
        hostileKeys.put("outsidemarker", "stray/outsidemarker.jpg");
        hostileKeys.put("badusermarker", "users/bad user!badusermarker/x.jpg");
        hostileKeys.put("emptysegmarker", "users/emptysegmarker//x.jpg");
        hostileKeys.put("onedotmarker", "users/onedotmarker/./x.jpg");
        hostileKeys.put("dotdotmarker", "users/dotdotmarker/../x.jpg");
        hostileKeys.put("controlmarker", "users/controlmarker/a\u0007b.jpg");
        hostileKeys.put("longusermarker", "users/" + "u".repeat(129) + "longusermarker/x.jpg");
        // A key S3 itself refuses never makes an event; every key it stores must reach the DLQ.
        hostileKeys.entrySet().removeIf(entry -> !stored(clients.config().bucket(), entry.getValue()));
        assertThat(hostileKeys).hasSizeGreaterThanOrEqualTo(5);
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("notjsonmarker", "notjsonmarker: not JSON at all");
        malformed.put("norecordsmarker", "{\"Records\":[],\"note\":\"norecordsmarker\"}");
        malformed.put("restoremarker", "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\","
                + "\"eventTime\":\"2026-11-24T10:00:00.000Z\",\"eventName\":\"ObjectRestore:Completed\",\"s3\":{"
                + "\"bucket\":{\"name\":\"media\"},\"object\":{\"key\":\"users/restoremarker/a.jpg\",\"size\":1,"
                + "\"eTag\":\"00\",\"sequencer\":\"0A\"}}}]}");
        malformed.put("snsgarbagemarker", "{\"Type\":\"Notification\",\"Message\":\"snsgarbagemarker\"}");
        malformed.values().forEach(ChaosSuiteTest::send);
        // Saving the bucket's notification configuration again makes S3 send its s3:TestEvent.
        var notifications = clients.s3().getBucketNotificationConfiguration(r -> r.bucket(clients.config().bucket()));
        clients.s3().putBucketNotificationConfiguration(r -> r.bucket(clients.config().bucket())
                .notificationConfiguration(n -> n.queueConfigurations(notifications.queueConfigurations())));

        await().atMost(WAIT).untilAsserted(() -> {
            List<Message> letters = readDeadLetters();
            hostileKeys.keySet().forEach(marker -> assertThat(letters)
                    .filteredOn(m -> m.body().contains(marker)).singleElement()
                    .satisfies(m -> assertReason(m, "invalid-key")));
            malformed.keySet().forEach(marker -> assertThat(letters)
                    .filteredOn(m -> m.body().contains(marker)).singleElement()
                    .satisfies(m -> assertReason(m, "malformed-event")));
        });
        awaitIngestQueueDrained();
        assertThat(readDeadLetters()).noneMatch(m -> m.body().contains("s3:TestEvent"));
    }

    @Test
    @Order(6)
    void corruptEmptyAndLyingFilesBecomeItemsAndTheWorkerStaysUp() throws Exception {
        byte[] jpeg = jpegs().get(3);
        String bucket = clients.config().bucket();
        clients.s3().putObject(r -> r.bucket(bucket).key("users/files/corrupt.jpg"),
                RequestBody.fromBytes(Arrays.copyOf(jpeg, 300)));
        clients.s3().putObject(r -> r.bucket(bucket).key("users/files/empty.jpg"), RequestBody.empty());
        clients.s3().putObject(r -> r.bucket(bucket).key("users/files/lying.mp4").contentType("video/mp4"),
                RequestBody.fromBytes(jpeg));
        byte[] noise = new byte[64 * 1024];
        new Random(4).nextBytes(noise);
        clients.s3().putObject(r -> r.bucket(bucket).key("users/files/noise.jpg"), RequestBody.fromBytes(noise));

        Map<String, AttributeValue> corrupt = awaitItem("files", "corrupt.jpg");
        assertThat(corrupt.get("Status").s()).isEqualTo("FAILED");
        assertThat(corrupt.get("ErrorClass").s()).isEqualTo("corrupt");
        assertThat(corrupt.get("Type").s()).isEqualTo("image");
        Map<String, AttributeValue> empty = awaitItem("files", "empty.jpg");
        assertThat(empty.get("Type").s()).isEqualTo("other");
        assertThat(empty.get("FileSize").n()).isEqualTo("0");
        Map<String, AttributeValue> lying = awaitItem("files", "lying.mp4");
        assertThat(lying.get("Type").s()).isEqualTo("image");
        assertThat(lying.get("ContentType").s()).isEqualTo("image/jpeg");
        assertThat(lying.get("DeclaredContentType").s()).isEqualTo("video/mp4");
        assertThat(lying.get("Status").s()).isEqualTo("READY");
        assertThat(awaitItem("files", "noise.jpg").get("Type").s()).isEqualTo("other");

        put(bucket, "users/files/after.jpg", jpeg, "");
        assertThat(awaitItem("files", "after.jpg").get("Status").s()).isEqualTo("READY");
        assertThat(pipeline.isAlive()).isTrue();
        URI health = pipeline.opsEndpoint().orElseThrow().resolve("/health");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void logsCarryNeitherCredentialsNorPresignedUrls() throws Exception {
        StaticCredentialsProvider probe = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(PROBE_KEY_ID, PROBE_SECRET));
        String bucket = clients.config().bucket();
        try (S3Client s3 = clients.configure(S3Client.builder()).credentialsProvider(probe).forcePathStyle(true)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
             SqsClient sqs = clients.configure(SqsClient.builder()).credentialsProvider(probe)
                     .httpClientBuilder(ApacheHttpClient.builder()).build();
             S3Presigner presigner = S3Presigner.builder().endpointOverride(pipeline.endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(probe)
                     .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            s3.putObject(r -> r.bucket(bucket).key("users/probe/photo.jpg"), RequestBody.fromBytes(jpegs().get(4)));
            s3.putObject(r -> r.bucket(bucket).key("outside/probemarker.jpg"), RequestBody.fromString("x"));
            sqs.sendMessage(r -> r.queueUrl(ingestUrl).messageBody("probe garbage probemarker"));
            HttpClient http = HttpClient.newHttpClient();
            for (String key : List.of("users/probe/photo.jpg", "users/probe/missing.jpg")) {
                URI url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                        .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toURI();
                http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
                URI forged = URI.create(url.toString().replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=00"));
                http.send(HttpRequest.newBuilder(forged).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        awaitItem("probe", "photo.jpg");
        await().atMost(WAIT).until(() -> readDeadLetters().stream().filter(m -> m.body().contains("probemarker"))
                .count() == 2);

        String log = pipeline.log();
        assertThat(log).contains("probemarker").doesNotContain(PROBE_KEY_ID).doesNotContain(PROBE_SECRET)
                .doesNotContain("X-Amz-Signature").doesNotContain("X-Amz-Credential").doesNotContain("Signature=")
                .doesNotContain("Credential=").doesNotContain("Authorization");
    }

    @Test
    @Order(8)
    void killMinus9DuringTwentyConcurrentUploadsLosesNothing() throws Exception {
        List<Path> files = paddedJpegs(20);
        String bucket = clients.config().bucket();
        AtomicInteger stored = new AtomicInteger();
        ExecutorService uploaders = Executors.newFixedThreadPool(files.size());
        List<Future<?>> uploads = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String key = crashKey(i);
            Path file = files.get(i);
            String tags = "crash,n" + i;
            uploads.add(uploaders.submit(() -> {
                clients.s3().putObject(r -> r.bucket(bucket).key(key).metadata(Map.of("tags", tags)),
                        RequestBody.fromFile(file));
                stored.incrementAndGet();
            }));
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> stored.get() >= 6);
        pipeline.killHard();
        List<Integer> unacknowledged = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            try {
                uploads.get(i).get();
            } catch (ExecutionException refused) {
                unacknowledged.add(i);
            }
        }
        uploaders.shutdown();
        System.out.printf("chaos: killed after %d of 20 uploads were acknowledged; %d failed and are re-sent%n",
                20 - unacknowledged.size(), unacknowledged.size());

        pipeline = startRun(engine);
        // As any client does when its request died with the server: send it again.
        for (int i : unacknowledged) {
            Path file = files.get(i);
            String tags = "crash,n" + i;
            clients.s3().putObject(r -> r.bucket(bucket).key(crashKey(i)).metadata(Map.of("tags", tags)),
                    RequestBody.fromFile(file));
        }

        await().atMost(RECOVERY_WAIT).until(() -> mediaOf("crash").size() == files.size());
        for (int i = 0; i < files.size(); i++) {
            String key = crashKey(i);
            String eTag = clients.s3().headObject(r -> r.bucket(bucket).key(key)).eTag().replace("\"", "");
            String mediaId = key.substring("users/crash/".length());
            Map<String, AttributeValue> item = await().atMost(RECOVERY_WAIT)
                    .until(() -> item("crash", mediaId), found -> found.isPresent()
                            && found.get().get("ETag").s().equals(eTag)).orElseThrow();
            MediaMetadata expected = extract(files.get(i));
            assertThat(item.get("Type").s()).isEqualTo(expected.type().wireName());
            assertThat(item.get("Status").s()).isEqualTo(expected.status());
            assertThat(number(item, "Width")).isEqualTo(Optional.ofNullable(expected.width()).map(String::valueOf));
            assertThat(number(item, "Height")).isEqualTo(Optional.ofNullable(expected.height()).map(String::valueOf));
            List<String> tags = new ArrayList<>(List.of("crash", "n" + i));
            tags.addAll(expected.tags());
            assertThat(item.get("Tags").ss()).as("the uploader's tags and the file's keywords")
                    .containsExactlyInAnyOrderElementsOf(Tags.normalise(tags));
            int n = i;
            await().atMost(RECOVERY_WAIT).until(() -> mediaTagged("crash", "n" + n).equals(List.of(mediaId)));
        }
        assertThat(mediaTagged("crash", "crash")).hasSize(files.size()).doesNotHaveDuplicates();
    }

    @Test
    @Order(9)
    void sigtermReleasesInFlightWorkAndExitsZeroWithin30Seconds() {
        // A Lambda invocation under way runs to its end or its timeout; its messages come back when their
        // visibility runs out, as on AWS: the hand-back is the long-running worker's own promise.
        assumeTrue(engine.equals("ecs"), "hand-back on SIGTERM is the long-running worker's");
        byte[] slow = SlowMedia.manyTinyBoxes(1 << 20);
        for (int i = 0; i < 3; i++) {
            String key = "users/slow/" + i + ".mp4";
            clients.s3().putObject(r -> r.bucket(clients.config().bucket()).key(key), RequestBody.fromBytes(slow));
        }
        await().atMost(WAIT).until(() -> "3".equals(ingestQueue().get(QueueAttributeName
                .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));

        long started = System.nanoTime();
        pipeline.signalTerminate();
        // The workers stop before the embedded stack does: in between, the queue shows what they handed back.
        AtomicBoolean handedBack = new AtomicBoolean();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try {
                Map<QueueAttributeName, String> queue = ingestQueue();
                if ("3".equals(queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                        && "0".equals(queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))) {
                    handedBack.set(true);
                }
            } catch (SdkException endpointAlreadyGone) {
                // the process is past its workers; it only has to exit now
            }
            return !pipeline.isAlive();
        });
        Duration stopping = Duration.ofNanos(System.nanoTime() - started);

        System.out.printf("chaos: SIGTERM with 3 slow objects in flight: exit %d after %d ms%n", pipeline.exitCode(),
                stopping.toMillis());
        assertThat(pipeline.exitCode()).isZero();
        assertThat(stopping).isLessThan(Duration.ofSeconds(30));
        assertThat(handedBack).as("the 3 in-flight messages were made visible again before the exit").isTrue();
    }

    private static boolean stored(String bucket, String key) {
        try {
            clients.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("hostile"));
            return true;
        } catch (S3Exception refused) {
            System.out.printf("chaos: S3 refused the key %s: %s%n", key.replace("\u0007", "\\a"),
                    refused.awsErrorDetails().errorCode());
            return false;
        }
    }

    private static void assertReason(Message letter, String errorClass) {
        assertThat(letter.messageAttributes().get("ErrorClass").stringValue()).isEqualTo(errorClass);
        assertThat(letter.messageAttributes().get("Error").stringValue()).isNotBlank();
    }

    private static Optional<String> number(Map<String, AttributeValue> item, String attribute) {
        return Optional.ofNullable(item.get(attribute)).map(AttributeValue::n);
    }

    private static String crashKey(int i) {
        return "users/crash/" + String.format("%02d", i) + ".jpg";
    }

    private static MediaMetadata extract(Path file) throws IOException {
        try (FileByteSource source = new FileByteSource(file)) {
            return MediaExtraction.extract(source, ExtractionLimits.defaults());
        }
    }

    private static void put(String bucket, String key, byte[] bytes, String tags) {
        clients.s3().putObject(r -> r.bucket(bucket).key(key).metadata(tags.isEmpty() ? Map.of() : Map.of("tags", tags)),
                RequestBody.fromBytes(bytes));
    }

    private static void send(String body) {
        clients.sqs().sendMessage(r -> r.queueUrl(ingestUrl).messageBody(body));
    }

    private static Map<QueueAttributeName, String> ingestQueue() {
        return clients.sqs().getQueueAttributes(r -> r.queueUrl(ingestUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    }

    private static void awaitIngestQueueDrained() {
        await().atMost(WAIT).until(() -> ingestQueue().values().stream().allMatch("0"::equals));
    }

    /** Every dead letter so far; each read hides what it saw for a second, to get past the first ten. */
    private static synchronized List<Message> readDeadLetters() {
        while (true) {
            List<Message> batch = clients.sqs().receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(1).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                return List.copyOf(deadLetters.values());
            }
            batch.forEach(m -> deadLetters.putIfAbsent(m.messageId(), m));
        }
    }

    private static Map<String, AttributeValue> awaitItem(String user, String mediaId) {
        return await().atMost(WAIT).until(() -> item(user, mediaId), Optional::isPresent).orElseThrow();
    }

    private static Optional<Map<String, AttributeValue>> item(String user, String mediaId) {
        Map<String, AttributeValue> found = clients.dynamoDb().getItem(r -> r.tableName(clients.config().mediaTable())
                .consistentRead(true)
                .key(Map.of("UserId", AttributeValue.fromS(user), "MediaId", AttributeValue.fromS(mediaId)))).item();
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    private static List<String> mediaOf(String user) {
        return clients.dynamoDb().query(r -> r.tableName(clients.config().mediaTable()).consistentRead(true)
                        .keyConditionExpression("UserId = :u")
                        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user))))
                .items().stream().map(i -> i.get("MediaId").s()).toList();
    }

    private static List<String> mediaTagged(String user, String tag) {
        return clients.dynamoDb().query(r -> r.tableName(clients.config().tagIndexTable()).consistentRead(true)
                        .keyConditionExpression("UserTag = :k").filterExpression("attribute_not_exists(ExpiresAt)")
                        .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(user + "#" + tag))))
                .items().stream().map(i -> i.get("MediaId").s()).sorted().toList();
    }

    /**
     * JPEGs of the corpus, smallest first and cycled when the corpus has fewer, each with a few megabytes after
     * its end of image (still a valid JPEG), so that twenty concurrent uploads take long enough to be killed in
     * the middle.
     */
    private static List<Path> paddedJpegs(int count) throws IOException {
        List<Path> originals = SampleCorpus.list().stream()
                .filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jpg")).sorted(SMALLEST_FIRST).toList();
        List<Path> padded = new ArrayList<>();
        Path dir = Files.createDirectories(work.resolve("uploads"));
        for (int i = 0; i < count; i++) {
            Path original = originals.get(i % originals.size());
            byte[] jpeg = Files.readAllBytes(original);
            padded.add(Files.write(dir.resolve(i + "-" + original.getFileName()),
                    Arrays.copyOf(jpeg, jpeg.length + (3 << 20))));
        }
        return padded;
    }

    /** Five camera photos of the corpus (JPEG, a camera make and no caveat in the reference), smallest first. */
    private static List<byte[]> jpegs() {
        return SampleCorpus.references().stream()
                .filter(r -> "JPEG".equals(r.path("fileType").asText()) && r.hasNonNull("make")
                        && r.path("caveats").isEmpty())
                .map(SampleCorpus::file).sorted(SMALLEST_FIRST).limit(5).map(p -> {
                    try {
                        return Files.readAllBytes(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
