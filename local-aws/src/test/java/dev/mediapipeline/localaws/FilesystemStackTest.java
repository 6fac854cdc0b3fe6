package dev.mediapipeline.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.model.Event;

/** The stack with a data dir: what survives a restart, and bodies larger than the heap. */
class FilesystemStackTest {

    @TempDir
    Path dataDir;

    @Test
    void objectsItemsQueuesMessagesAndNotificationConfigurationSurviveARestartOfOneStackPerDataDir() {
        BigInteger sequencerBeforeRestart;
        try (LocalAws aws = LocalAws.start(LocalAwsOptions.defaults().withDataDir(dataDir).withPort(0));
             TestClients clients = new TestClients(aws.endpoint())) {
            clients.s3.createBucket(b -> b.bucket("kept"));
            String queueUrl = clients.sqs.createQueue(b -> b.queueName("kept-events")).queueUrl();
            clients.s3.putBucketNotificationConfiguration(b -> b.bucket("kept").notificationConfiguration(n -> n
                    .queueConfigurations(q -> q.id("kept").queueArn("arn:aws:sqs:us-east-1:000000000000:kept-events")
                            .events(Event.S3_OBJECT_CREATED))));
            clients.s3.putObject(b -> b.bucket("kept").key("users/u/a.txt"), RequestBody.fromString("before"));
            clients.dynamoDb.createTable(b -> b.tableName("Kept")
                    .attributeDefinitions(a -> a.attributeName("Pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("Pk").keyType(KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST));
            clients.dynamoDb.putItem(b -> b.tableName("Kept").item(Map.of("Pk", AttributeValue.fromS("p1"))));

            sequencerBeforeRestart = putEventSequencer(new QueueMessages(clients.sqs, queueUrl), "users/u/a.txt");
            clients.sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"pending\":\"across the restart\"}"));

            assertThatThrownBy(() -> LocalAws.start(LocalAwsOptions.defaults().withDataDir(dataDir).withPort(0)))
                    .as("a second stack on a data dir in use").hasMessageContaining("in use");
        }

        try (LocalAws aws = LocalAws.start(LocalAwsOptions.defaults().withDataDir(dataDir).withPort(0));
             TestClients clients = new TestClients(aws.endpoint())) {
            assertThat(clients.s3.getObjectAsBytes(b -> b.bucket("kept").key("users/u/a.txt")).asUtf8String())
                    .isEqualTo("before");
            assertThat(clients.dynamoDb.getItem(b -> b.tableName("Kept").key(Map.of("Pk", AttributeValue.fromS("p1"))))
                    .item()).containsKey("Pk");
            assertThat(clients.s3.getBucketNotificationConfiguration(b -> b.bucket("kept")).queueConfigurations())
                    .singleElement().satisfies(q -> assertThat(q.id()).isEqualTo("kept"));
            String queueUrl = clients.sqs.getQueueUrl(b -> b.queueName("kept-events")).queueUrl();
            assertThat(queueUrl).as("queue URLs name the new endpoint").startsWith(aws.endpoint().toString());
            QueueMessages queue = new QueueMessages(clients.sqs, queueUrl);
            assertThat(queue.take(1)).as("the message left in the queue").singleElement()
                    .satisfies(m -> assertThat(m.path("pending").asText()).isEqualTo("across the restart"));

            clients.s3.putObject(b -> b.bucket("kept").key("users/u/a.txt"), RequestBody.fromString("after"));
            assertThat(putEventSequencer(queue, "users/u/a.txt")).as("sequencer after restart")
                    .isGreaterThan(sequencerBeforeRestart);
        }
    }

    @Test
    void bodiesLargerThanTheHeapStreamThroughTheEdgeBothWays() throws Exception {
        long size = Runtime.getRuntime().maxMemory() + 64L * 1024 * 1024;
        try (LocalAws aws = LocalAws.start(LocalAwsOptions.defaults().withDataDir(dataDir).withPort(0));
             TestClients clients = new TestClients(aws.endpoint())) {
            clients.s3.createBucket(b -> b.bucket("large"));
            MessageDigest uploaded = MessageDigest.getInstance("SHA-256");
            clients.s3.putObject(b -> b.bucket("large").key("huge.bin"), RequestBody.fromContentProvider(
                    () -> new DigestInputStream(new PatternInputStream(size), uploaded), size, "application/octet-stream"));

            MessageDigest downloaded = MessageDigest.getInstance("SHA-256");
            long read = 0;
            try (InputStream in = new DigestInputStream(clients.s3.getObject(b -> b.bucket("large").key("huge.bin")), downloaded)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    read += n;
                }
            }
            assertThat(read).isEqualTo(size);
            assertThat(HexFormat.of().formatHex(downloaded.digest())).isEqualTo(HexFormat.of().formatHex(uploaded.digest()));
        }
    }

    private static BigInteger putEventSequencer(QueueMessages queue, String key) {
        JsonNode event = queue.until(QueueMessages.eventFor("ObjectCreated:Put", key)).stream()
                .filter(QueueMessages.eventFor("ObjectCreated:Put", key)).findFirst().orElseThrow();
        return new BigInteger(QueueMessages.record(event).at("/s3/object/sequencer").asText(), 16);
    }

    /** A deterministic stream of {@code size} bytes that never exists in memory as a whole. */
    private static final class PatternInputStream extends InputStream {
        private final long size;
        private long position;

        PatternInputStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? (int) (position++ * 31 % 251) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) (position++ * 31 % 251);
            }
            return n;
        }
    }
}
