package dev.mediapipeline.app.chaos;

import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.event.MalformedEventException;
import dev.mediapipeline.common.event.S3EventKind;
import dev.mediapipeline.common.event.S3EventParser;
import dev.mediapipeline.common.event.S3EventRecord;
import dev.mediapipeline.common.event.S3Notification;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A bucket of its own whose S3 event notifications go to a queue only the test reads: real event bodies,
 * as S3 wrote them, which the test then delivers to the pipeline once, several times, late or wrapped.
 */
final class EventTap {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final AwsClients clients;
    private final String bucket;
    private final String queueUrl;
    private final S3EventParser parser = new S3EventParser();

    private EventTap(AwsClients clients, String bucket, String queueUrl) {
        this.clients = clients;
        this.bucket = bucket;
        this.queueUrl = queueUrl;
    }

    static EventTap create(AwsClients clients, String name) {
        String queueUrl = clients.sqs().createQueue(r -> r.queueName(name)).queueUrl();
        String queueArn = clients.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        clients.s3().createBucket(r -> r.bucket(name));
        clients.s3().putBucketNotificationConfiguration(r -> r.bucket(name).notificationConfiguration(n -> n
                .queueConfigurations(QueueConfiguration.builder().id("tap").queueArn(queueArn)
                        .events(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED).build())));
        return new EventTap(clients, name, queueUrl);
    }

    String bucket() {
        return bucket;
    }

    /** The body of the real S3 event of this kind for this key, taken off the tap queue. */
    String take(S3EventKind kind, String key) {
        return await().atMost(WAIT).until(() -> find(kind, key), Optional::isPresent).orElseThrow();
    }

    private Optional<String> find(S3EventKind kind, String key) {
        for (Message m : clients.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages()) {
            if (describes(m.body(), kind, key)) {
                clients.sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                return Optional.of(m.body());
            }
        }
        return Optional.empty();
    }

    private boolean describes(String body, S3EventKind kind, String key) {
        try {
            return parser.parse(body) instanceof S3Notification.Records records && records.records().stream()
                    .map(S3EventRecord.class::cast).anyMatch(r -> r.kind() == kind && r.key().equals(key));
        } catch (MalformedEventException e) {
            return false;
        }
    }
}
