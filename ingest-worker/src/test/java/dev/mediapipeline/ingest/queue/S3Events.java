package dev.mediapipeline.ingest.queue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Hand-made S3 notification bodies, for events whose order and repetition a test must control. */
final class S3Events {

    private S3Events() {
    }

    static String created(String bucket, String key, long size, String eTag, String sequencer) {
        return wrap(record("ObjectCreated:Put", bucket, key,
                ",\"size\":" + size + ",\"eTag\":\"" + eTag.replace("\"", "") + "\"", sequencer));
    }

    static String removed(String bucket, String key, String sequencer) {
        return wrap(record("ObjectRemoved:Delete", bucket, key, "", sequencer));
    }

    /** A lifecycle rule's expiration of an object in an unversioned bucket, as S3 sends it: no version id. */
    static String expired(String bucket, String key, String sequencer) {
        return wrap(record("LifecycleExpiration:Delete", bucket, key, "", sequencer));
    }

    static String snsWrapped(String s3Body) {
        return "{\"Type\":\"Notification\",\"MessageId\":\"1\",\"TopicArn\":\"arn:aws:sns:us-east-1:000000000000:t\","
                + "\"Message\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(s3Body) + "}";
    }

    static String testEvent(String bucket) {
        return "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"" + Instant.now()
                + "\",\"Bucket\":\"" + bucket + "\",\"RequestId\":\"r\",\"HostId\":\"h\"}";
    }

    private static String record(String eventName, String bucket, String key, String sizeAndETag, String sequencer) {
        return "{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\",\"eventTime\":\""
                + Instant.now() + "\",\"eventName\":\"" + eventName + "\",\"s3\":{\"s3SchemaVersion\":\"1.0\","
                + "\"bucket\":{\"name\":\"" + bucket + "\",\"arn\":\"arn:aws:s3:::" + bucket + "\"},"
                + "\"object\":{\"key\":\"" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "\"" + sizeAndETag
                + ",\"sequencer\":\"" + sequencer + "\"}}}";
    }

    private static String wrap(String record) {
        return "{\"Records\":[" + record + "]}";
    }
}
