package dev.mediapipeline.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class S3EventParserTest {

    private final S3EventParser parser = new S3EventParser();

    static String record(String eventName, String key, String sequencer) {
        return """
                {"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                 "eventTime":"2026-11-24T06:00:00.123Z","eventName":"%s",
                 "s3":{"s3SchemaVersion":"1.0","configurationId":"c",
                       "bucket":{"name":"media","arn":"arn:aws:s3:::media"},
                       "object":{"key":"%s","size":1024,"eTag":"d41d8cd98f00b204e9800998ecf8427e",
                                 "sequencer":"%s"}}}""".formatted(eventName, key, sequencer);
    }

    static String records(String... records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    @Test
    void readsAPutRecordWithItsDecodedKey() throws Exception {
        S3Notification n = parser.parse(records(record("ObjectCreated:Put",
                "users/alice/holiday+2024/caf%C3%A9+%2B1.jpg", "0055AED6DCD90281E5")));

        S3EventRecord r = ((S3Notification.Records) n).records().get(0);
        assertThat(r.kind()).isEqualTo(S3EventKind.CREATED);
        assertThat(r.key()).isEqualTo("users/alice/holiday 2024/café +1.jpg");
        assertThat(r.bucket()).isEqualTo("media");
        assertThat(r.size()).contains(1024L);
        assertThat(r.eTag()).contains("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(r.sequencer()).isEqualTo("0055AED6DCD90281E5");
        assertThat(r.eventTime()).isEqualTo(Instant.parse("2026-11-24T06:00:00.123Z"));
    }

    @Test
    void readsSeveralRecordsInOrder() throws Exception {
        S3Notification n = parser.parse(records(record("ObjectCreated:Put", "users/a/1", "01"),
                record("ObjectRemoved:Delete", "users/a/2", "02")));

        assertThat(((S3Notification.Records) n).records())
                .extracting(S3EventRecord::key, S3EventRecord::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("users/a/1", S3EventKind.CREATED),
                        org.assertj.core.groups.Tuple.tuple("users/a/2", S3EventKind.REMOVED));
    }

    @Test
    void lifecycleExpirationsAreRemovalsAndOnlyADeleteNamingAVersionRemovesOneVersion() throws Exception {
        String events = records(
                record("LifecycleExpiration:Delete", "users/a/1", "01"),
                record("LifecycleExpiration:DeleteMarkerCreated", "users/a/2", "02").replace("\"sequencer\"",
                        "\"versionId\":\"marker\",\"sequencer\""),
                record("LifecycleExpiration:Delete", "users/a/3", "03").replace("\"sequencer\"",
                        "\"versionId\":\"old\",\"sequencer\""),
                record("ObjectRemoved:Delete", "users/a/4", "04").replace("\"sequencer\"",
                        "\"versionId\":\"old\",\"sequencer\""));

        assertThat(((S3Notification.Records) parser.parse(events)).records())
                .extracting(S3EventRecord::kind, S3EventRecord::removesOneVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(S3EventKind.REMOVED, false),
                        org.assertj.core.groups.Tuple.tuple(S3EventKind.REMOVED, false),
                        org.assertj.core.groups.Tuple.tuple(S3EventKind.REMOVED, true),
                        org.assertj.core.groups.Tuple.tuple(S3EventKind.REMOVED, true));
    }

    @Test
    void removalNeedsNoSizeOrETag() throws Exception {
        String delete = """
                {"Records":[{"eventSource":"aws:s3","eventTime":"2026-11-24T06:00:00Z",
                  "eventName":"ObjectRemoved:DeleteMarkerCreated",
                  "s3":{"bucket":{"name":"media"},"object":{"key":"users/a/x.jpg","sequencer":"0A"}}}]}""";

        S3EventRecord r = ((S3Notification.Records) parser.parse(delete)).records().get(0);

        assertThat(r.kind()).isEqualTo(S3EventKind.REMOVED);
        assertThat(r.size()).isEmpty();
    }

    @Test
    void unwrapsAnSnsEnvelope() throws Exception {
        String inner = records(record("ObjectCreated:CompleteMultipartUpload", "users/bob/v.mp4", "0B"));
        String sns = "{\"Type\":\"Notification\",\"MessageId\":\"m\",\"TopicArn\":\"arn:aws:sns:us-east-1:1:t\","
                + "\"Message\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(inner) + "}";

        S3EventRecord r = ((S3Notification.Records) parser.parse(sns)).records().get(0);

        assertThat(r.key()).isEqualTo("users/bob/v.mp4");
        assertThat(r.eventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
    }

    @Test
    void recognisesTheTestEvent() throws Exception {
        String test = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-11-24T06:00:00Z\","
                + "\"Bucket\":\"media\",\"RequestId\":\"r\",\"HostId\":\"h\"}";

        assertThat(parser.parse(test)).isEqualTo(new S3Notification.TestEvent("media"));
    }

    @Test
    void rejectsWithAReasonWhatIsNotAnS3Event() {
        assertThatThrownBy(() -> parser.parse("hello")).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parser.parse("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"foo\":1}")).hasMessageContaining("no Records");
        assertThatThrownBy(() -> parser.parse(records(record("ObjectRestore:Completed", "users/a/b", "01"))))
                .hasMessageContaining("unsupported event ObjectRestore:Completed");
        assertThatThrownBy(() -> parser.parse(records(record("ObjectCreated:Put", "users/a/b", "zz"))))
                .hasMessageContaining("sequencer is not hexadecimal");
        assertThatThrownBy(() -> parser.parse(records(record("ObjectCreated:Put", "users/a/%E0%A4%A", "01"))))
                .hasMessageContaining("not URL-encoded");
        assertThatThrownBy(() -> parser.parse("{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":"
                + "\"ObjectCreated:Put\",\"eventTime\":\"2026-11-24T06:00:00Z\",\"s3\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"users/a/b\",\"sequencer\":\"01\"}}}]}"))
                .hasMessageContaining("without size or eTag");
        assertThatThrownBy(() -> parser.parse("{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}"))
                .hasMessageContaining("not an S3 record");
    }
}
