package dev.mediapipeline.app.ops.deadletter;

import dev.mediapipeline.common.event.MalformedEventException;
import dev.mediapipeline.common.event.S3EventParser;
import dev.mediapipeline.common.event.S3EventRecord;
import dev.mediapipeline.common.event.S3Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * A message in a dead-letter queue with what an operator asks first: which object, and why. The
 * reason is in the ErrorClass and Error attributes the ingest worker sets; a message SQS moved itself
 * (maxReceiveCount reached) has none, which is a reason of its own.
 */
public record DeadLetter(String messageId, Instant sentAt, String errorClass, String error,
                         List<String> keys) {

    public static final String ERROR_CLASS = "ErrorClass";
    public static final String ERROR = "Error";
    /** ErrorClass shown for letters that SQS moved after too many failed receives. */
    public static final String RECEIVES_EXHAUSTED = "receives-exhausted";

    private static final S3EventParser PARSER = new S3EventParser();

    public static DeadLetter of(Message message) {
        Map<String, String> system = message.attributesAsStrings();
        Instant sentAt = Optional.ofNullable(system.get("SentTimestamp"))
                .map(ms -> Instant.ofEpochMilli(Long.parseLong(ms))).orElse(Instant.EPOCH);
        Map<String, MessageAttributeValue> attributes = message.messageAttributes();
        return new DeadLetter(message.messageId(), sentAt,
                text(attributes, ERROR_CLASS).orElse(RECEIVES_EXHAUSTED),
                text(attributes, ERROR).orElse("no reason attribute: the queue moved it after its receive limit"),
                keys(message.body()));
    }

    /** The object keys the event names, decoded; empty when the body is not an S3 event. */
    static List<String> keys(String body) {
        try {
            S3Notification notification = PARSER.parse(body);
            return notification instanceof S3Notification.Records records
                    ? records.records().stream().map(S3EventRecord::key).toList() : List.of();
        } catch (MalformedEventException e) {
            return List.of();
        }
    }

    public String key() {
        return keys.isEmpty() ? "(not an S3 event)" : String.join(", ", keys);
    }

    private static Optional<String> text(Map<String, MessageAttributeValue> attributes, String name) {
        return Optional.ofNullable(attributes.get(name)).map(MessageAttributeValue::stringValue);
    }
}
