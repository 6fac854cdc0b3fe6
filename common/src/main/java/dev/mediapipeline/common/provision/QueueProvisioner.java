package dev.mediapipeline.common.provision;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The ingest queue with its redrive to the DLQ, and the index DLQ. */
final class QueueProvisioner {

    static final int VISIBILITY_TIMEOUT_SECONDS = 60;
    static final int LONG_POLL_SECONDS = 20;
    static final int MAX_RECEIVE_COUNT = 5;
    /** Dead letters are kept as long as SQS allows, so an operator has two weeks to look. */
    static final int DLQ_RETENTION_SECONDS = 1_209_600;

    private final SqsClient sqs;

    QueueProvisioner(SqsClient sqs) {
        this.sqs = sqs;
    }

    static Map<QueueAttributeName, String> ingestAttributes(String dlqArn) {
        return Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(VISIBILITY_TIMEOUT_SECONDS),
                QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, String.valueOf(LONG_POLL_SECONDS),
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}");
    }

    /** Creates the queue if missing, brings its attributes to the wanted values, and returns its ARN. */
    String ensure(String name, Map<QueueAttributeName, String> attributes) {
        Map<QueueAttributeName, String> wanted = new HashMap<>(attributes);
        wanted.putIfAbsent(QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(DLQ_RETENTION_SECONDS));
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(wanted));
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** On AWS, S3 may only deliver to a queue whose policy lets this bucket send. */
    void allowBucketToSend(String queueName, String queueArn, String bucket) {
        String url = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Sid":"s3-notifications","Effect":"Allow",\
                "Principal":{"Service":"s3.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"%s",\
                "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::%s"}}}]}""".formatted(queueArn, bucket);
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, policy)));
    }
}
