package dev.mediapipeline.ingest.queue;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.ingest.handle.EventHandler;
import dev.mediapipeline.ingest.handle.IngestMetrics;
import dev.mediapipeline.ingest.write.MediaItemStore;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Handles one received message and settles it with the queue: dead-lettered with its reason, handed back
 * after a backoff, or done. Whoever received the message deletes it when done: the long-running worker
 * itself, or a Lambda event source mapping for a handler that does not report it as failed.
 */
public final class MessageSettler {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSettler.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final int MAX_LOGGED_REASON = 300;

    private final QueueActions queue;
    private final MessageProcessor processor;
    private final IngestMetrics metrics;
    private final OptionalInt maxReceiveCount;
    private final Duration retryBackoff;

    MessageSettler(QueueActions queue, MessageProcessor processor, IngestMetrics metrics, Duration retryBackoff) {
        this.queue = queue;
        this.processor = processor;
        this.metrics = metrics;
        this.maxReceiveCount = queue.maxReceiveCount();
        this.retryBackoff = retryBackoff;
    }

    /** For the ingest queue and dead-letter queue that {@code clients.config()} names. */
    public static MessageSettler forIngestQueue(AwsClients clients, IngestMetrics metrics, ExtractionLimits limits,
                                                Duration retryBackoff) {
        return forIngestQueue(clients, clients.dynamoDb(), metrics, limits, retryBackoff);
    }

    static MessageSettler forIngestQueue(AwsClients clients, DynamoDbClient dynamoDb, IngestMetrics metrics,
                                         ExtractionLimits limits, Duration retryBackoff) {
        PipelineConfig config = clients.config();
        SqsClient sqs = clients.sqs();
        QueueActions queue = new QueueActions(sqs,
                sqs.getQueueUrl(r -> r.queueName(config.ingestQueue())).queueUrl(),
                sqs.getQueueUrl(r -> r.queueName(config.ingestDlq())).queueUrl());
        MessageProcessor processor = new MessageProcessor(new EventHandler(clients.s3(),
                new MediaItemStore(dynamoDb, config), limits, metrics, Clock.systemUTC()), metrics);
        return new MessageSettler(queue, processor, metrics, retryBackoff);
    }

    QueueActions queue() {
        return queue;
    }

    /**
     * A message that failed for a transient reason goes back to the queue after a backoff that doubles with
     * every delivery, so a throttled table is not hammered; on the delivery the queue's redrive policy would
     * move it silently, it is dead-lettered with its reason instead.
     *
     * @param backoff false when closing: a retried message is handed back at once
     * @return true when the message is done with and is to be deleted from the queue
     */
    public boolean settle(Message message, boolean backoff) {
        Disposition disposition = processor.process(message.body());
        if (disposition instanceof Disposition.DeadLetter dl) {
            deadLetter(message, dl.errorClass(), dl.error());
        } else if (disposition instanceof Disposition.Retry retry) {
            int receives = receiveCount(message);
            if (maxReceiveCount.isEmpty() || receives < maxReceiveCount.getAsInt()) {
                queue.release(message.receiptHandle(), backoff ? backoff(receives) : Duration.ZERO);
                metrics.message("retried");
                return false;
            }
            deadLetter(message, DeadLetterReasons.RETRIES_EXHAUSTED, "failed on each of " + receives
                    + " deliveries, last: " + retry.cause());
        }
        return true;
    }

    private void deadLetter(Message message, String errorClass, String error) {
        LOG.warn("Dead-lettered message {}: {} {}", message.messageId(), errorClass, abbreviated(error));
        queue.deadLetter(message, errorClass, error);
        // A redriven letter that fails again is the same dead letter, not one more.
        metrics.message(message.messageAttributes().containsKey(DeadLetterReasons.REDRIVE_ID)
                ? "dead-lettered-again" : "dead-lettered");
    }

    private Duration backoff(int receives) {
        Duration pause = retryBackoff.multipliedBy(1L << Math.min(receives - 1, 10));
        return pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
    }

    /** Reasons quote keys, which may be a kilobyte of escapes: one log line stays readable. */
    private static String abbreviated(String text) {
        return text.length() <= MAX_LOGGED_REASON ? text : text.substring(0, MAX_LOGGED_REASON) + "...";
    }

    private static int receiveCount(Message message) {
        return Integer.parseInt(message.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "1"));
    }
}
