package dev.mediapipeline.ingest.queue;

import dev.mediapipeline.common.aws.AwsClients;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * ReceiveMessage on a connection of its own, which {@link #close()} cuts: a long poll under way ends at once
 * instead of after its wait time, so a stopping worker does not sit out a queue that has nothing to say.
 * The price: the queue may not notice the cut (ElasticMQ does not) and hand a message that arrives during
 * the rest of the wait time to the dead poll; like any lost response, that message shows again after its
 * visibility timeout. Nothing is lost, and when the queue stops with the worker (run) nothing is delayed.
 */
final class LongPoll implements AutoCloseable {

    private final SqsClient sqs;
    private final String queueUrl;

    LongPoll(AwsClients clients, String queueUrl) {
        // Built by the SDK rather than shared, so that closing the client closes (and aborts) its connection.
        this.sqs = clients.configure(SqsClient.builder().httpClientBuilder(ApacheHttpClient.builder()
                .maxConnections(1))).build();
        this.queueUrl = queueUrl;
    }

    List<Message> receive(int max, Duration wait, Duration visibility) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max)
                .waitTimeSeconds((int) wait.toSeconds())
                .visibilityTimeout((int) visibility.toSeconds())
                .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount", "SentTimestamp")
                .messageAttributeNames("All")).messages();
    }

    /** Ends a receive under way with an exception and refuses further ones. */
    @Override
    public void close() {
        sqs.close();
    }
}
