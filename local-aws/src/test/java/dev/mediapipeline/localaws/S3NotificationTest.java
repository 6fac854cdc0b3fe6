package dev.mediapipeline.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.notify.S3Notifier;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3NotificationTest {

    private static TestClients clients;

    @BeforeAll
    static void start() {
        clients = new TestClients(SharedLocalAws.endpoint());
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    @Test
    void putCopyMultipartAndDeleteArriveAsRealS3EventJson() throws Exception {
        QueueMessages queue = bucketNotifyingQueue("events", queueConfiguration("all", "events",
                List.of(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED), null, null));
        String key = "users/u1/my photo+1 é.jpg";
        String encodedKey = "users/u1/my+photo%2B1+%C3%A9.jpg";

        String eTag = clients.s3.putObject(b -> b.bucket("events").key(key), RequestBody.fromString("hello")).eTag();
        JsonNode put = QueueMessages.record(queue.take(1).get(0));
        assertThat(put.get("eventVersion").asText()).isEqualTo("2.1");
        assertThat(put.get("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(put.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(Instant.parse(put.get("eventTime").asText())).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(put.get("eventTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(put.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(put.at("/userIdentity/principalId").asText()).isNotEmpty();
        assertThat(put.at("/requestParameters/sourceIPAddress").asText()).isNotEmpty();
        assertThat(put.at("/responseElements/x-amz-request-id").asText()).isNotEmpty();
        assertThat(put.at("/s3/s3SchemaVersion").asText()).isEqualTo("1.0");
        assertThat(put.at("/s3/configurationId").asText()).isEqualTo("all");
        assertThat(put.at("/s3/bucket/name").asText()).isEqualTo("events");
        assertThat(put.at("/s3/bucket/arn").asText()).isEqualTo("arn:aws:s3:::events");
        assertThat(put.at("/s3/bucket/ownerIdentity/principalId").asText()).isNotEmpty();
        assertThat(put.at("/s3/object/key").asText()).isEqualTo(encodedKey);
        assertThat(put.at("/s3/object/size").asLong()).isEqualTo(5);
        assertThat(put.at("/s3/object/eTag").asText()).isEqualTo(eTag.replace("\"", ""));
        assertThat(put.at("/s3/object/sequencer").asText()).matches("[0-9A-F]+");
        assertThat(put.at("/s3/object").has("versionId")).as("unversioned bucket").isFalse();

        clients.s3.copyObject(b -> b.sourceBucket("events").sourceKey(key).destinationBucket("events")
                .destinationKey("users/u1/copy.jpg"));
        JsonNode copy = QueueMessages.record(queue.take(1).get(0));
        assertThat(copy.get("eventName").asText()).isEqualTo("ObjectCreated:Copy");
        assertThat(copy.at("/s3/object/key").asText()).isEqualTo("users/u1/copy.jpg");
        assertThat(copy.at("/s3/object/size").asLong()).isEqualTo(5);

        String multipartETag = multipartUpload("events", "users/u1/big.bin");
        JsonNode multipart = QueueMessages.record(queue.take(1).get(0));
        assertThat(multipart.get("eventName").asText()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(multipart.at("/s3/object/size").asLong()).isEqualTo(5L * 1024 * 1024 + 1);
        assertThat(multipart.at("/s3/object/eTag").asText()).isEqualTo(multipartETag.replace("\"", "")).endsWith("-2");

        clients.s3.deleteObject(b -> b.bucket("events").key(key));
        JsonNode delete = QueueMessages.record(queue.take(1).get(0));
        assertThat(delete.get("eventName").asText()).isEqualTo("ObjectRemoved:Delete");
        assertThat(delete.at("/s3/object/key").asText()).isEqualTo(encodedKey);
        assertThat(delete.at("/s3/object").has("size")).isFalse();
        assertThat(sequencer(delete)).isGreaterThan(sequencer(put));
    }

    @Test
    void aVersionedBucketReportsVersionIdsAndDeleteMarkers() {
        QueueMessages queue = bucketNotifyingQueue("versioned", queueConfiguration("v", "versioned",
                List.of(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED), null, null));
        clients.s3.putBucketVersioning(b -> b.bucket("versioned")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));

        String versionId = clients.s3.putObject(b -> b.bucket("versioned").key("users/u/v.jpg"),
                RequestBody.fromString("v1")).versionId();
        JsonNode put = QueueMessages.record(queue.take(1).get(0));
        assertThat(put.at("/s3/object/versionId").asText()).isEqualTo(versionId).isNotEmpty();

        String markerVersionId = clients.s3.deleteObject(b -> b.bucket("versioned").key("users/u/v.jpg")).versionId();
        JsonNode marker = QueueMessages.record(queue.take(1).get(0));
        assertThat(marker.get("eventName").asText()).isEqualTo("ObjectRemoved:DeleteMarkerCreated");
        assertThat(marker.at("/s3/object/versionId").asText()).isEqualTo(markerVersionId);

        clients.s3.deleteObject(b -> b.bucket("versioned").key("users/u/v.jpg").versionId(versionId));
        JsonNode deleteVersion = QueueMessages.record(queue.take(1).get(0));
        assertThat(deleteVersion.get("eventName").asText()).isEqualTo("ObjectRemoved:Delete");
        assertThat(deleteVersion.at("/s3/object/versionId").asText()).isEqualTo(versionId);
    }

    @Test
    void eventTypeAndPrefixAndSuffixFiltersSelectEvents() {
        QueueMessages queue = bucketNotifyingQueue("filtered", queueConfiguration("jpegs", "filtered",
                List.of(Event.S3_OBJECT_CREATED_PUT), "users/", ".jpg"));

        for (String key : List.of("users/a/x.jpg", "users/a/x.png", "other/x.jpg", "users/a/y.jpg")) {
            clients.s3.putObject(b -> b.bucket("filtered").key(key), RequestBody.fromString(key));
        }
        clients.s3.copyObject(b -> b.sourceBucket("filtered").sourceKey("users/a/x.jpg").destinationBucket("filtered")
                .destinationKey("users/a/copied.jpg"));
        clients.s3.deleteObject(b -> b.bucket("filtered").key("users/a/x.jpg"));
        clients.s3.putObject(b -> b.bucket("filtered").key("users/a/last.jpg"), RequestBody.fromString("end"));

        List<JsonNode> messages = queue.until(QueueMessages.eventFor("ObjectCreated:Put", "users/a/last.jpg"));
        assertThat(messages).extracting(m -> m.at("/Records/0/s3/object/key").asText())
                .containsExactlyInAnyOrder("users/a/x.jpg", "users/a/y.jpg", "users/a/last.jpg");
    }

    @Test
    void laterWritesOfAKeyCarryLargerSequencers() {
        QueueMessages queue = bucketNotifyingQueue("sequenced", queueConfiguration("seq", "sequenced",
                List.of(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED), null, null));
        List<String> eTags = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String body = "version " + i;
            eTags.add(clients.s3.putObject(b -> b.bucket("sequenced").key("same key"), RequestBody.fromString(body))
                    .eTag().replace("\"", ""));
        }
        clients.s3.deleteObjects(b -> b.bucket("sequenced").delete(d -> d.objects(
                ObjectIdentifier.builder().key("same key").build())));

        List<JsonNode> messages = queue.take(16);
        Map<String, BigInteger> sequencerByETag = new TreeMap<>();
        BigInteger deleted = null;
        for (JsonNode message : messages) {
            JsonNode record = QueueMessages.record(message);
            if (record.get("eventName").asText().equals("ObjectRemoved:Delete")) {
                deleted = sequencer(record);
            } else {
                sequencerByETag.put(record.at("/s3/object/eTag").asText(), sequencer(record));
            }
        }
        List<BigInteger> inWriteOrder = eTags.stream().map(sequencerByETag::get).toList();
        assertThat(inWriteOrder).doesNotContainNull().isSorted().doesNotHaveDuplicates();
        assertThat(deleted).as("the batch delete's event").isGreaterThan(inWriteOrder.get(inWriteOrder.size() - 1));
    }

    @Test
    void configurationRoundTripsAndAnEmptyOneTurnsNotificationsOff() {
        QueueConfiguration configuration = queueConfiguration("roundtrip-id", "roundtrip",
                List.of(Event.S3_OBJECT_CREATED_COPY, Event.S3_OBJECT_REMOVED_DELETE), "in/", ".txt");
        bucketNotifyingQueue("roundtrip", configuration);

        var read = clients.s3.getBucketNotificationConfiguration(b -> b.bucket("roundtrip"));
        assertThat(read.queueConfigurations()).containsExactly(configuration);
        assertThat(read.topicConfigurations()).isEmpty();

        clients.s3.putBucketNotificationConfiguration(b -> b.bucket("roundtrip")
                .notificationConfiguration(NotificationConfiguration.builder().build()));
        assertThat(clients.s3.getBucketNotificationConfiguration(b -> b.bucket("roundtrip")).queueConfigurations()).isEmpty();
        clients.s3.putObject(b -> b.bucket("roundtrip").key("in/a.txt"), RequestBody.fromString("a"));
        clients.s3.deleteObject(b -> b.bucket("roundtrip").key("in/a.txt"));
        assertThat(clients.sqs.getQueueAttributes(b -> b.queueUrl(queueUrl("roundtrip"))
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings())
                .containsEntry("ApproximateNumberOfMessages", "0");

        clients.s3.putBucketNotificationConfiguration(b -> b.bucket("roundtrip")
                .notificationConfiguration(n -> n.queueConfigurations(configuration)));
        clients.s3.deleteObject(b -> b.bucket("roundtrip").key("in/a.txt"));
        clients.s3.deleteBucket(b -> b.bucket("roundtrip"));
        clients.s3.createBucket(b -> b.bucket("roundtrip"));
        assertThat(clients.s3.getBucketNotificationConfiguration(b -> b.bucket("roundtrip")).queueConfigurations())
                .as("a bucket created again starts without the old configuration").isEmpty();
    }

    @Test
    void aConfigurationNamingAMissingQueueOrBucketIsRefused() {
        clients.s3.createBucket(b -> b.bucket("refused"));
        assertThatThrownBy(() -> clients.s3.putBucketNotificationConfiguration(b -> b.bucket("refused")
                .notificationConfiguration(n -> n.queueConfigurations(queueConfiguration("x", "no-such-queue",
                        List.of(Event.S3_OBJECT_CREATED), null, null)))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                });
        assertThatThrownBy(() -> clients.s3.getBucketNotificationConfiguration(b -> b.bucket("no-such-bucket")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void anUndeliverableEventDoesNotFailTheUploadAndIsLoggedWithTheKey() {
        bucketNotifyingQueue("undeliverable", queueConfiguration("gone", "undeliverable",
                List.of(Event.S3_OBJECT_CREATED), null, null));
        clients.sqs.deleteQueue(b -> b.queueUrl(queueUrl("undeliverable")));
        Logger logger = (Logger) LoggerFactory.getLogger(S3Notifier.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            clients.s3.putObject(b -> b.bucket("undeliverable").key("users/u/lost.jpg"), RequestBody.fromString("x"));
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(clients.s3.headObject(b -> b.bucket("undeliverable").key("users/u/lost.jpg")).contentLength()).isEqualTo(1);
        assertThat(logged.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("s3://undeliverable/users/u/lost.jpg", "undeliverable");
        });
    }

    /** Creates bucket and queue, puts the configuration, and consumes the s3:TestEvent it causes. */
    private static QueueMessages bucketNotifyingQueue(String name, QueueConfiguration configuration) {
        clients.s3.createBucket(b -> b.bucket(name));
        String queueUrl = clients.sqs.createQueue(b -> b.queueName(name)).queueUrl();
        clients.s3.putBucketNotificationConfiguration(b -> b.bucket(name)
                .notificationConfiguration(n -> n.queueConfigurations(configuration)));
        QueueMessages queue = new QueueMessages(clients.sqs, queueUrl);
        JsonNode test = queue.take(1).get(0);
        assertThat(test.get("Service").asText()).isEqualTo("Amazon S3");
        assertThat(test.get("Event").asText()).isEqualTo("s3:TestEvent");
        assertThat(test.get("Bucket").asText()).isEqualTo(name);
        return queue;
    }

    private static QueueConfiguration queueConfiguration(String id, String queue, List<Event> events, String prefix,
                                                         String suffix) {
        var builder = QueueConfiguration.builder().id(id).queueArn("arn:aws:sqs:us-east-1:000000000000:" + queue)
                .events(events);
        if (prefix != null) {
            builder.filter(f -> f.key(k -> k.filterRules(r -> r.name(FilterRuleName.PREFIX).value(prefix),
                    r -> r.name(FilterRuleName.SUFFIX).value(suffix))));
        }
        return builder.build();
    }

    private static String queueUrl(String name) {
        return clients.sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    private static String multipartUpload(String bucket, String key) {
        String uploadId = clients.s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        String etag1 = clients.s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(new byte[5 * 1024 * 1024])).eTag();
        String etag2 = clients.s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(new byte[1])).eTag();
        return clients.s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(etag2).build()))).eTag();
    }

    /** Sequencers compare as numbers after left-padding, as the pipeline compares them. */
    private static BigInteger sequencer(JsonNode record) {
        return new BigInteger(record.at("/s3/object/sequencer").asText(), 16);
    }
}
