package dev.mediapipeline.app.ops.queue;

import dev.mediapipeline.app.ops.deadletter.DeadLetter;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Reads queue depths with GetQueueAttributes. SQS has no attribute for the age of the oldest message
 * (on AWS it is only the CloudWatch metric ApproximateAgeOfOldestMessage), so:
 * <ul>
 *   <li>a queue <em>without</em> a redrive policy (the DLQs) is peeked: up to 10 messages received with
 *   visibility timeout 0, the oldest SentTimestamp among them. It is a sample, exact while the queue holds
 *   at most 10 messages;</li>
 *   <li>a queue <em>with</em> a redrive policy (the ingest queue) is never peeked: every receive counts
 *   towards maxReceiveCount, so peeking a backed-up queue every few seconds would push its messages into
 *   the DLQ. Its age comes from the worker instead (see {@link QueueWatcher}), or stays unknown.</li>
 * </ul>
 */
public final class QueueProbe {

    private static final int PEEK_MAX = 10;

    private final SqsClient sqs;
    private final Clock clock;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public QueueProbe(SqsClient sqs, Clock clock) {
        this.sqs = sqs;
        this.clock = clock;
    }

    public String url(WatchedQueue queue) {
        return urls.computeIfAbsent(queue.name(), name -> sqs.getQueueUrl(r -> r.queueName(name)).queueUrl());
    }

    /** Depth, and for a queue that may be peeked the age of its oldest message and the peeked letters. */
    public Look look(WatchedQueue queue) {
        String url = url(queue);
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.REDRIVE_POLICY)).attributes();
        QueueDepth depth = new QueueDepth(queue,
                number(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                number(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                Optional.empty(), QueueDepth.UNKNOWN);
        if (depth.isEmpty()) {
            return new Look(depth.withOldestAge(Optional.of(Duration.ZERO), QueueDepth.EMPTY), List.of());
        }
        if (attributes.containsKey(QueueAttributeName.REDRIVE_POLICY) || depth.visible() == 0) {
            return new Look(depth, List.of());
        }
        List<DeadLetter> peeked = peek(url);
        Optional<Duration> age = peeked.stream().map(DeadLetter::sentAt).min(Comparator.naturalOrder())
                .map(sent -> Duration.between(sent, clock.instant()))
                .map(d -> d.isNegative() ? Duration.ZERO : d);
        return new Look(age.isPresent() ? depth.withOldestAge(age, QueueDepth.PEEK) : depth, peeked);
    }

    private List<DeadLetter> peek(String url) {
        return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(PEEK_MAX).visibilityTimeout(0)
                        .waitTimeSeconds(0).messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP))
                .messages().stream().map(DeadLetter::of).toList();
    }

    private static long number(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** A queue's depth and, for a DLQ, the letters seen while peeking. */
    public record Look(QueueDepth depth, List<DeadLetter> peeked) {
    }
}
