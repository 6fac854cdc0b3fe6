package dev.mediapipeline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.extract.testing.SampleCorpus;
import dev.mediapipeline.indexer.IndexerWorker;
import dev.mediapipeline.ingest.queue.IngestOptions;
import dev.mediapipeline.ingest.queue.IngestWorker;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.sqs.model.Message;

/** Upload → item → tag index → delete, through the real clients, the embedded stack and both workers. */
class PipelineEndToEndTest {

    private static final Duration ITEM_WAIT = Duration.ofSeconds(30);
    /** Includes the indexer's cold start (lease taking), which the worker is tuned to keep under 20 s. */
    private static final Duration INDEX_WAIT = Duration.ofSeconds(60);
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static AwsClients clients;
    private static IngestWorker ingest;
    private static IndexerWorker indexer;
    private static PipelineConfig config;

    @BeforeAll
    static void startPipeline() {
        config = PipelineConfig.defaults().withEndpoint(SharedLocalAws.endpoint());
        clients = new AwsClients(config);
        new Provisioner(clients).provision();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        indexer = new IndexerWorker(clients, registry);
        indexer.start();
        ingest = new IngestWorker(clients, registry, IngestOptions.defaults());
        ingest.start();
    }

    @AfterAll
    static void stopPipeline() {
        ingest.close();
        indexer.close();
        clients.close();
    }

    @Test
    void uploadsBecomeItemsAndOneQueryFindsAUsersTaggedMedia() throws Exception {
        String alice = "alice-" + RUN;
        String bob = "bob-" + RUN;
        JsonNode jpeg = Corpus.first("JPEG", "make", "gpsLatitude");
        JsonNode mp4 = Corpus.first("MP4", "durationSeconds", "videoCodec");
        JsonNode png = Corpus.first("PNG");
        String photoKey = "users/" + alice + "/holiday 2024/beach +1 café.jpg";
        String videoKey = "users/" + alice + "/clips/ünïcode vidéo.mp4";
        String otherKey = "users/" + bob + "/beach.png";

        String photoETag = put(photoKey, SampleCorpus.file(jpeg), "Beach, Summer ");
        put(videoKey, SampleCorpus.file(mp4), "beach");
        put(otherKey, SampleCorpus.file(png), "beach");

        Map<String, AttributeValue> photo = awaitItem(alice, "holiday 2024/beach +1 café.jpg");
        assertThat(photo.get("S3Key").s()).isEqualTo(photoKey);
        assertThat(photo.get("S3Bucket").s()).isEqualTo(config.bucket());
        assertThat(photo.get("FileSize").n()).isEqualTo(Long.toString(Files.size(SampleCorpus.file(jpeg))));
        assertThat(photo.get("ETag").s()).isEqualTo(photoETag.replace("\"", ""));
        assertThat(photo.get("Type").s()).isEqualTo("image");
        assertThat(photo.get("ContentType").s()).isEqualTo("image/jpeg");
        assertThat(photo.get("Status").s()).isEqualTo("READY");
        assertThat(photo.get("Width").n()).isEqualTo(jpeg.get("displayWidth").asText());
        assertThat(photo.get("Height").n()).isEqualTo(jpeg.get("displayHeight").asText());
        assertThat(photo.get("Tags").ss()).containsExactlyInAnyOrder("beach", "summer");
        assertThat(photo.get("Sequencer").s()).matches("[0-9A-F]+");
        assertThat(Instant.parse(photo.get("UploadDate").s())).isBetween(Instant.now().minusSeconds(120), Instant.now());
        assertThat(Double.parseDouble(photo.get("GpsLatitude").n()))
                .isCloseTo(jpeg.get("gpsLatitude").asDouble(), within(1e-5));
        assertThat(photo.get("SchemaVersion").n()).isEqualTo("1");

        Map<String, AttributeValue> video = awaitItem(alice, "clips/ünïcode vidéo.mp4");
        assertThat(video.get("Type").s()).isEqualTo("video");
        assertThat(video.get("Width").n()).isEqualTo(mp4.get("displayWidth").asText());
        assertThat(video.get("Height").n()).isEqualTo(mp4.get("displayHeight").asText());
        assertThat(Double.parseDouble(video.get("Duration").n()))
                .isCloseTo(mp4.get("durationSeconds").asDouble(), within(0.05));
        assertThat(video.get("VideoCodec").s()).isEqualTo(mp4.get("videoCodec").asText());

        await().atMost(INDEX_WAIT).untilAsserted(() -> assertThat(mediaTagged(alice, "beach"))
                .containsExactlyInAnyOrder("holiday 2024/beach +1 café.jpg", "clips/ünïcode vidéo.mp4"));
        assertThat(mediaTagged(alice, "summer")).containsExactly("holiday 2024/beach +1 café.jpg");
        await().atMost(INDEX_WAIT).untilAsserted(() -> assertThat(mediaTagged(bob, "beach"))
                .containsExactly("beach.png"));
    }

    @Test
    void deletingAnObjectRemovesItsItemAndIndexEntries() throws Exception {
        String carol = "carol-" + RUN;
        String key = "users/" + carol + "/gone.jpg";
        put(key, SampleCorpus.file(Corpus.first("JPEG")), "tmp");
        awaitItem(carol, "gone.jpg");
        await().atMost(INDEX_WAIT).until(() -> mediaTagged(carol, "tmp").size() == 1);

        clients.s3().deleteObject(r -> r.bucket(config.bucket()).key(key));

        await().atMost(ITEM_WAIT).until(() -> item(carol, "gone.jpg").isEmpty());
        await().atMost(INDEX_WAIT).until(() -> mediaTagged(carol, "tmp").isEmpty());
    }

    /** S3 holds users/erin/trip beside users/erin/trip/a.jpg; each is an object, so each becomes an item. */
    @Test
    void aKeyThatIsThePrefixOfAnotherKeyBecomesAnItemBesideIt() throws Exception {
        String erin = "erin-" + RUN;
        put("users/" + erin + "/trip/a.jpg", SampleCorpus.file(Corpus.first("JPEG")), "inside");
        put("users/" + erin + "/trip", SampleCorpus.file(Corpus.first("PNG")), "beside");

        assertThat(awaitItem(erin, "trip").get("Type").s()).isEqualTo("image");
        assertThat(awaitItem(erin, "trip/a.jpg").get("ContentType").s()).isEqualTo("image/jpeg");
        await().atMost(INDEX_WAIT).untilAsserted(() -> assertThat(mediaTagged(erin, "beside")).containsExactly("trip"));
        assertThat(mediaTagged(erin, "inside")).containsExactly("trip/a.jpg");

        clients.s3().deleteObject(r -> r.bucket(config.bucket()).key("users/" + erin + "/trip"));

        await().atMost(ITEM_WAIT).until(() -> item(erin, "trip").isEmpty());
        assertThat(item(erin, "trip/a.jpg")).isPresent();
    }

    @Test
    void aMultipartUploadOfNineMegabytesIsReadByItsHeaderOnly() throws Exception {
        String dave = "dave-" + RUN;
        String key = "users/" + dave + "/big scan.jpg";
        JsonNode jpeg = Corpus.first("JPEG", "make");
        byte[] whole = padded(Files.readAllBytes(SampleCorpus.file(jpeg)), 9 << 20);
        int half = 5 << 20;

        String uploadId = clients.s3().createMultipartUpload(r -> r.bucket(config.bucket()).key(key)).uploadId();
        String e1 = clients.s3().uploadPart(r -> r.bucket(config.bucket()).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(java.util.Arrays.copyOfRange(whole, 0, half))).eTag();
        String e2 = clients.s3().uploadPart(r -> r.bucket(config.bucket()).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(java.util.Arrays.copyOfRange(whole, half, whole.length))).eTag();
        clients.s3().completeMultipartUpload(r -> r.bucket(config.bucket()).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build())));

        Map<String, AttributeValue> item = awaitItem(dave, "big scan.jpg");
        assertThat(item.get("FileSize").n()).isEqualTo(Integer.toString(whole.length));
        assertThat(item.get("ETag").s()).endsWith("-2");
        assertThat(item.get("Type").s()).isEqualTo("image");
        assertThat(item.get("Width").n()).isEqualTo(jpeg.get("displayWidth").asText());
        assertThat(Long.parseLong(item.get("BytesRead").n())).isLessThanOrEqualTo(256 * 1024);
    }

    @Test
    void aKeyOutsideTheLayoutIsDeadLetteredWithItsReason() {
        String key = "not-users/" + RUN + "/stray.jpg";
        clients.s3().putObject(r -> r.bucket(config.bucket()).key(key), RequestBody.fromString("stray"));
        String dlq = clients.sqs().getQueueUrl(r -> r.queueName(config.ingestDlq())).queueUrl();

        await().atMost(ITEM_WAIT).untilAsserted(() -> {
            List<Message> letters = clients.sqs().receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10)
                    .visibilityTimeout(0).messageAttributeNames("All").waitTimeSeconds(1)).messages();
            assertThat(letters).anySatisfy(m -> {
                assertThat(m.body()).contains("stray.jpg");
                assertThat(m.messageAttributes().get("ErrorClass").stringValue()).isEqualTo("invalid-key");
                assertThat(m.messageAttributes().get("Error").stringValue()).contains("outside users/");
            });
        });
    }

    private static String put(String key, Path file, String tags) {
        return clients.s3().putObject(r -> r.bucket(config.bucket()).key(key).metadata(Map.of("tags", tags)),
                RequestBody.fromFile(file)).eTag();
    }

    private static Map<String, AttributeValue> awaitItem(String user, String mediaId) {
        return await().atMost(ITEM_WAIT).until(() -> item(user, mediaId), Optional::isPresent).orElseThrow();
    }

    private static Optional<Map<String, AttributeValue>> item(String user, String mediaId) {
        Map<String, AttributeValue> found = clients.dynamoDb().getItem(r -> r.tableName(config.mediaTable())
                .key(Map.of("UserId", AttributeValue.fromS(user), "MediaId", AttributeValue.fromS(mediaId)))).item();
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    private static List<String> mediaTagged(String user, String tag) {
        return clients.dynamoDb().query(r -> r.tableName(config.tagIndexTable())
                        .keyConditionExpression("UserTag = :k").filterExpression("attribute_not_exists(ExpiresAt)")
                        .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(user + "#" + tag))))
                .items().stream().map(i -> i.get("MediaId").s()).toList();
    }

    private static byte[] padded(byte[] head, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(head);
        out.writeBytes(new byte[size - head.length]);
        return out.toByteArray();
    }
}
