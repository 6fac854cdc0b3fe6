package dev.mediapipeline.localaws.notify;

import dev.mediapipeline.common.event.S3Event;
import dev.mediapipeline.common.event.S3EventJson;
import dev.mediapipeline.common.event.S3EventType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns completed object writes and deletes into S3 event messages on the queues the bucket's
 * notification configuration selects. Called after the blob store operation succeeded, on the
 * request's thread, so the event is queued by the time the client sees the response.
 */
public final class S3Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(S3Notifier.class);
    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

    private final NotificationConfigurations configurations;
    private final Sequencer sequencer;
    private final S3EventJson json;
    private final QueueDelivery delivery;
    private final Clock clock;

    public S3Notifier(NotificationConfigurations configurations, Sequencer sequencer, S3EventJson json,
                      QueueDelivery delivery, Clock clock) {
        this.configurations = configurations;
        this.sequencer = sequencer;
        this.json = json;
        this.delivery = delivery;
        this.clock = clock;
    }

    public NotificationConfigurations configurations() {
        return configurations;
    }

    /**
     * Reports one event. A delivery that keeps failing does not fail the S3 request that caused it
     * (the object is stored either way, as with S3), but is logged at WARN with the key.
     */
    public void notify(S3EventType type, String bucket, String key, long size, String eTag, String versionId) {
        List<QueueConfiguration> selected = configurations.get(bucket).selecting(type, key);
        if (selected.isEmpty()) {
            return;
        }
        S3Event event = new S3Event(type, bucket, key, size, eTag, versionId, sequencer.next(), clock.instant(),
                S3EventJson.newRequestId(), S3EventJson.newHostId());
        for (QueueConfiguration queue : selected) {
            deliverWithRetries(event, queue);
        }
    }

    /**
     * Sends S3's {@code s3:TestEvent} to every queue of a configuration about to be put; throws when a
     * queue cannot be reached, so the configuration is refused as S3 refuses it.
     */
    public void sendTestEvents(String bucket, NotificationConfiguration configuration) {
        String body = json.testEvent(bucket, clock.instant());
        for (QueueConfiguration queue : configuration.queues()) {
            try {
                delivery.send(queue.queueName(), body);
            } catch (RuntimeException e) {
                throw new InvalidNotificationConfigurationException("InvalidArgument",
                        "Unable to validate the following destination configurations: " + queue.queueArn()
                                + " (" + e.getMessage() + ")", e);
            }
        }
    }

    private void deliverWithRetries(S3Event event, QueueConfiguration queue) {
        String body = json.record(event, queue.id());
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                delivery.send(queue.queueName(), body);
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    LOG.warn("S3 event {} for s3://{}/{} (sequencer {}) not delivered to queue {} after {} attempts: {}",
                            event.type().eventName(), event.bucket(), event.key(), event.sequencer(),
                            queue.queueName(), ATTEMPTS, e.toString());
                    return;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(3);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
