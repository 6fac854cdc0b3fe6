package dev.mediapipeline.localaws.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediapipeline.common.event.S3EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationConfigurationXmlTest {

    private static final String AWS_CLI_BODY = """
            <NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <QueueConfiguration>
                <Id>media</Id>
                <Queue>arn:aws:sqs:us-east-1:000000000000:media-ingest</Queue>
                <Event>s3:ObjectCreated:*</Event>
                <Event>s3:ObjectRemoved:*</Event>
                <Filter><S3Key><FilterRule><Name>prefix</Name><Value>users/</Value></FilterRule></S3Key></Filter>
              </QueueConfiguration>
            </NotificationConfiguration>""";

    @Test
    void readsWhatClientsSendAndWritesItBackUnchanged() {
        NotificationConfiguration parsed = NotificationConfigurationXml.parse(AWS_CLI_BODY);
        assertThat(parsed.queues()).containsExactly(new QueueConfiguration("media",
                "arn:aws:sqs:us-east-1:000000000000:media-ingest", List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*"),
                "users/", ""));
        assertThat(parsed.queues().get(0).queueName()).isEqualTo("media-ingest");
        assertThat(NotificationConfigurationXml.parse(NotificationConfigurationXml.write(parsed))).isEqualTo(parsed);
    }

    @Test
    void selectsByEventTypeAndKeyFilters() {
        QueueConfiguration queue = new QueueConfiguration("q", "arn:aws:sqs:us-east-1:0:q",
                List.of("s3:ObjectCreated:Put", "s3:ObjectRemoved:*"), "users/", ".jpg");
        assertThat(queue.selects(S3EventType.OBJECT_CREATED_PUT, "users/a.jpg")).isTrue();
        assertThat(queue.selects(S3EventType.OBJECT_REMOVED_DELETE, "users/a.jpg")).isTrue();
        assertThat(queue.selects(S3EventType.OBJECT_CREATED_COPY, "users/a.jpg")).isFalse();
        assertThat(queue.selects(S3EventType.OBJECT_CREATED_PUT, "users/a.png")).isFalse();
        assertThat(queue.selects(S3EventType.OBJECT_CREATED_PUT, "other/a.jpg")).isFalse();
    }

    @Test
    void refusesWhatS3Refuses() {
        assertThatThrownBy(() -> NotificationConfigurationXml.parse("<NotificationConfiguration><QueueConfiguration>"
                + "<Queue>arn:aws:sqs:us-east-1:0:q</Queue><Event>s3:ObjectTouched</Event></QueueConfiguration>"
                + "</NotificationConfiguration>"))
                .isInstanceOfSatisfying(InvalidNotificationConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidArgument"));
        assertThatThrownBy(() -> NotificationConfigurationXml.parse("<NotificationConfiguration><TopicConfiguration>"
                + "<Topic>arn:aws:sns:us-east-1:0:t</Topic><Event>s3:ObjectCreated:*</Event></TopicConfiguration>"
                + "</NotificationConfiguration>"))
                .isInstanceOfSatisfying(InvalidNotificationConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidArgument"));
        assertThatThrownBy(() -> NotificationConfigurationXml.parse("<NotificationConfiguration>"))
                .isInstanceOfSatisfying(InvalidNotificationConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo("MalformedXML"));
    }
}
