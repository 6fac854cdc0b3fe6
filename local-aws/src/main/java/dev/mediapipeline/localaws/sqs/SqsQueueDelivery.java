package dev.mediapipeline.localaws.sqs;

import dev.mediapipeline.localaws.notify.QueueDelivery;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Sends S3 event messages straight to ElasticMQ's internal port with an SQS client. */
public final class SqsQueueDelivery implements QueueDelivery, AutoCloseable {

    private final SqsClient sqs;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    public SqsQueueDelivery(URI sqsBackend, String region) {
        this.sqs = SqsClient.builder()
                .endpointOverride(sqsBackend)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void send(String queueName, String body) {
        String url = queueUrls.computeIfAbsent(queueName, name -> sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
        try {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
        } catch (QueueDoesNotExistException e) {
            // The queue was deleted (and may be recreated): look its URL up again next time.
            queueUrls.remove(queueName);
            throw e;
        }
    }

    @Override
    public void close() {
        sqs.close();
    }
}
