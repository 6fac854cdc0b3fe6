package dev.mediapipeline.localaws.notify;

import dev.mediapipeline.common.event.S3EventType;
import java.util.List;

/** A bucket's notification configuration: the queue configurations, in the order they were put. */
public record NotificationConfiguration(List<QueueConfiguration> queues) {

    public static final NotificationConfiguration EMPTY = new NotificationConfiguration(List.of());

    public NotificationConfiguration {
        queues = List.copyOf(queues);
    }

    /** Every configuration that wants this event; S3 sends one message per configuration. */
    public List<QueueConfiguration> selecting(S3EventType type, String key) {
        return queues.stream().filter(q -> q.selects(type, key)).toList();
    }
}
