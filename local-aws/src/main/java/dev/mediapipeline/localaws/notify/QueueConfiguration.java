package dev.mediapipeline.localaws.notify;

import dev.mediapipeline.common.event.S3EventType;
import java.util.List;
import java.util.Objects;

/**
 * One {@code QueueConfiguration} of a bucket's notification configuration.
 *
 * @param id       the configuration id, reported as {@code s3.configurationId} in events
 * @param queueArn destination; the queue is the ARN's last segment
 * @param events   configured event names, e.g. {@code s3:ObjectCreated:*}
 * @param prefix   key prefix filter ("" = none)
 * @param suffix   key suffix filter ("" = none)
 */
public record QueueConfiguration(String id, String queueArn, List<String> events, String prefix, String suffix) {

    public QueueConfiguration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queueArn, "queueArn");
        events = List.copyOf(events);
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
    }

    /** The queue name: the ARN's last ':'-separated segment. */
    public String queueName() {
        return queueArn.substring(queueArn.lastIndexOf(':') + 1);
    }

    /** S3 filters on the object key as stored (not URL-encoded). */
    public boolean selects(S3EventType type, String key) {
        return events.stream().anyMatch(type::selectedBy) && key.startsWith(prefix) && key.endsWith(suffix);
    }
}
