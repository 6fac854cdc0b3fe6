package dev.mediapipeline.common.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Message bodies in the format S3 sends to SQS: one-record {@code Records[]} events and the test event. */
public final class S3EventJson {

    /** Who S3 events say made the request; the embedded stack does not tell callers apart. */
    static final String PRINCIPAL_ID = "AWS:000000000000";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** S3 always writes milliseconds: 2024-05-01T12:00:00.000Z. */
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String region;

    public S3EventJson(String region) {
        this.region = region;
    }

    /** A one-record event message; removals carry no size or eTag, as with S3. */
    public String record(S3Event event, String configurationId) {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", timestamp(event.time()));
        record.put("eventName", event.type().eventName());
        record.putObject("userIdentity").put("principalId", PRINCIPAL_ID);
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode responseElements = record.putObject("responseElements");
        responseElements.put("x-amz-request-id", event.requestId());
        responseElements.put("x-amz-id-2", event.hostId());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", event.bucket());
        bucket.putObject("ownerIdentity").put("principalId", PRINCIPAL_ID);
        bucket.put("arn", "arn:aws:s3:::" + event.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", S3EventKeys.encode(event.key()));
        if (!event.type().isRemoval()) {
            object.put("size", event.size());
            object.put("eTag", event.eTag());
        }
        if (event.versionId() != null) {
            object.put("versionId", event.versionId());
        }
        object.put("sequencer", event.sequencer());
        ObjectNode message = MAPPER.createObjectNode();
        message.putArray("Records").add(record);
        return toJson(message);
    }

    /** What S3 sends to each destination when a bucket's notification configuration is put. */
    public String testEvent(String bucket, Instant time) {
        ObjectNode message = MAPPER.createObjectNode();
        message.put("Service", "Amazon S3");
        message.put("Event", "s3:TestEvent");
        message.put("Time", timestamp(time));
        message.put("Bucket", bucket);
        message.put("RequestId", newRequestId());
        message.put("HostId", newHostId());
        return toJson(message);
    }

    /** 16 upper-case hex digits, like S3's x-amz-request-id. */
    public static String newRequestId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT);
    }

    /** An opaque token shaped like S3's x-amz-id-2. */
    public static String newHostId() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String timestamp(Instant time) {
        return EVENT_TIME.format(time);
    }

    private static String toJson(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write S3 event JSON", e);
        }
    }
}
