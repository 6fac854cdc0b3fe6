package dev.mediapipeline.common.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a queue message body as S3 sends it: the raw notification JSON, the same wrapped in an SNS
 * envelope, or S3's test event. Anything else is rejected with a reason fit for a dead letter.
 */
public final class S3EventParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    public S3Notification parse(String body) throws MalformedEventException {
        JsonNode root = readJson(body, "message body");
        if ("Notification".equals(root.path("Type").asText()) && root.path("Message").isTextual()) {
            root = readJson(root.get("Message").asText(), "SNS Message field");
        }
        if ("s3:TestEvent".equals(root.path("Event").asText())) {
            return new S3Notification.TestEvent(root.path("Bucket").asText(""));
        }
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            throw new MalformedEventException("not an S3 event: no Records array");
        }
        List<S3EventRecord> parsed = new ArrayList<>();
        for (JsonNode record : records) {
            parsed.add(parseRecord(record));
        }
        return new S3Notification.Records(List.copyOf(parsed));
    }

    private static S3EventRecord parseRecord(JsonNode record) throws MalformedEventException {
        if (!"aws:s3".equals(record.path("eventSource").asText())) {
            throw new MalformedEventException("not an S3 record: eventSource is '"
                    + record.path("eventSource").asText() + "'");
        }
        String eventName = required(record, "eventName", record.path("eventName"));
        S3EventKind kind = S3EventKind.of(eventName)
                .orElseThrow(() -> new MalformedEventException("unsupported event " + eventName));
        JsonNode s3 = record.path("s3");
        JsonNode object = s3.path("object");
        String rawKey = required(record, "s3.object.key", object.path("key"));
        String sequencer = required(record, "s3.object.sequencer", object.path("sequencer"));
        if (!sequencer.matches("[0-9A-Fa-f]{1,32}")) {
            throw new MalformedEventException("sequencer is not hexadecimal: " + sequencer);
        }
        Optional<Long> size = object.path("size").canConvertToLong()
                ? Optional.of(object.get("size").asLong()) : Optional.empty();
        Optional<String> eTag = text(object.path("eTag"));
        if (kind == S3EventKind.CREATED && (size.isEmpty() || eTag.isEmpty())) {
            throw new MalformedEventException("ObjectCreated record without size or eTag");
        }
        return new S3EventRecord(kind, eventName,
                eventTime(required(record, "eventTime", record.path("eventTime"))),
                required(record, "s3.bucket.name", s3.path("bucket").path("name")),
                decodeKey(rawKey), size, eTag, text(object.path("versionId")), sequencer);
    }

    /** S3 encodes keys as HTML forms do: '+' is a space, %XX are bytes of UTF-8. */
    static String decodeKey(String rawKey) throws MalformedEventException {
        try {
            return URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("object key is not URL-encoded: " + e.getMessage(), e);
        }
    }

    private static Instant eventTime(String text) throws MalformedEventException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("eventTime is not ISO-8601: " + text, e);
        }
    }

    private static String required(JsonNode record, String name, JsonNode value) throws MalformedEventException {
        return text(value).orElseThrow(() -> new MalformedEventException("S3 record without " + name));
    }

    private static Optional<String> text(JsonNode value) {
        return value.isValueNode() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static JsonNode readJson(String text, String what) throws MalformedEventException {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new MalformedEventException(what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
