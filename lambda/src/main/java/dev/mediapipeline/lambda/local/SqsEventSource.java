package dev.mediapipeline.lambda.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.mediapipeline.lambda.event.SqsMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SQS event source mapping with {@code ReportBatchItemFailures}, in process: pollers receive batches,
 * invoke the handler with them as a Lambda SQS event, and delete every message the response does not name.
 * A named message, or the whole batch when the handler throws, stays on the queue: it comes back when its
 * visibility timeout (the queue's, or what the handler set) runs out, and the queue's redrive policy counts
 * the receive. Each poller is one concurrent invocation, as with the mapping's MaximumConcurrency.
 */
public final class SqsEventSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSource.class);
    /** Short long polls: a close waits for at most one of them. */
    private static final Duration WAIT = Duration.ofSeconds(1);
    /** What Lambda's SQS event carries as a message's attributes. */
    public static final List<String> SYSTEM_ATTRIBUTES = List.of("ApproximateReceiveCount", "SentTimestamp",
            "SenderId", "ApproximateFirstReceiveTimestamp");

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final int batchSize;
    private final List<Thread> pollers = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public SqsEventSource(SqsClient sqs, String queueName, String region,
                          RequestHandler<SQSEvent, SQSBatchResponse> handler, int batchSize, int concurrency) {
        if (batchSize < 1 || batchSize > 10 || concurrency < 1) {
            throw new IllegalArgumentException("need 1 <= batchSize <= 10 and concurrency >= 1");
        }
        this.sqs = sqs;
        this.queueUrl = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
        this.queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        this.region = region;
        this.handler = handler;
        this.batchSize = batchSize;
        for (int i = 0; i < concurrency; i++) {
            Thread poller = new Thread(this::pollLoop, "sqs-event-source-" + i);
            poller.setDaemon(true);
            pollers.add(poller);
        }
    }

    public void start() {
        running.set(true);
        pollers.forEach(Thread::start);
    }


    private void pollLoop() {
        while (running.get()) {
            try {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batchSize)
                        .waitTimeSeconds((int) WAIT.toSeconds())
                        .messageSystemAttributeNamesWithStrings(SYSTEM_ATTRIBUTES)
                        .messageAttributeNames("All")).messages();
                if (!messages.isEmpty()) {
                    invoke(messages);
                }
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.warn("Polling {} failed, retrying: {}", queueUrl, e.toString());
                    pause();
                }
            }
        }
    }

    private void invoke(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> SqsMessages.toLambda(m, queueArn, region)).toList());
        SQSBatchResponse response;
        try {
            response = handler.handleRequest(event, new LocalContext("ingest"));
        } catch (RuntimeException e) {
            LOG.warn("Ingest handler failed on a batch of {}; it returns to the queue: {}", messages.size(), e.toString());
            return;
        }
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        List<DeleteMessageBatchRequestEntry> done = messages.stream().filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle())
                        .build()).toList();
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done)).failed().forEach(f -> LOG.warn(
                    "Could not delete message {}, it will be received again: {}", f.id(), f.message()));
        }
    }

    /** Stops polling and waits for the invocations under way. */
    @Override
    public void close() {
        running.set(false);
        for (Thread poller : pollers) {
            try {
                poller.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
