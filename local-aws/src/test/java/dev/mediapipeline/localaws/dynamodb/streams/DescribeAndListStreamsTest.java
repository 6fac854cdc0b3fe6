package dev.mediapipeline.localaws.dynamodb.streams;

import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.TABLE;
import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.TABLE_ARN;
import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.assertError;
import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeAndListStreamsTest {

    private final StreamsFixture f = new StreamsFixture();

    @Test
    void enableNamesTheStreamAfterItsCreationTime() {
        StreamInfo info = f.streams.enable(TABLE, TABLE_ARN, "NEW_IMAGE", List.of(KeyAttribute.hash("id")));

        assertThat(info).isEqualTo(new StreamInfo(TABLE_ARN + "/stream/2026-12-02T10:15:30.123",
                "2026-12-02T10:15:30.123", "NEW_IMAGE"));
        assertThat(f.streams.current(TABLE)).contains(info);
        assertThat(f.streams.current("Other")).isEmpty();
    }

    @Test
    void describeStreamShowsTheStreamItsKeySchemaAndItsOpenShard() {
        f.streams.enable(TABLE, TABLE_ARN, "KEYS_ONLY", List.of(KeyAttribute.hash("id"), KeyAttribute.range("at")));
        String arn = TABLE_ARN + "/stream/2026-12-02T10:15:30.123";

        ObjectNode description = (ObjectNode) f.call("DescribeStream", "{'StreamArn': '" + arn + "'}")
                .path("StreamDescription");
        String shardId = description.path("Shards").get(0).path("ShardId").asText();

        assertThat(shardId).matches("shardId-00000001796206530123-[0-9a-f]{8}");
        assertThat(description.path("CreationRequestDateTime").decimalValue()).isEqualByComparingTo("1796206530.123");
        description.remove("CreationRequestDateTime");
        assertThat(description).isEqualTo(json("{'StreamArn': '" + arn + "', 'StreamLabel': '2026-12-02T10:15:30.123',"
                + " 'StreamStatus': 'ENABLED', 'StreamViewType': 'KEYS_ONLY', 'TableName': 'Media', 'KeySchema': [{'AttributeName': 'id', 'KeyType': 'HASH'},"
                + " {'AttributeName': 'at', 'KeyType': 'RANGE'}], 'Shards': [{'ShardId': '" + shardId + "',"
                + " 'SequenceNumberRange': {'StartingSequenceNumber': '100000000000000000001'}}]}"));
    }

    @Test
    void aDisabledStreamStaysDescribableWithItsShardClosed() {
        String arn = f.enable("NEW_IMAGE");
        f.change("a", null, "1");

        f.streams.disable(TABLE);

        JsonNode description = f.call("DescribeStream", "{'StreamArn': '" + arn + "'}").path("StreamDescription");
        assertThat(description.path("StreamStatus").asText()).isEqualTo("DISABLED");
        assertThat(description.path("Shards").get(0).path("SequenceNumberRange")).isEqualTo(json(
                "{'StartingSequenceNumber': '100000000000000000001', 'EndingSequenceNumber': '100000000000000000001'}"));
        assertThat(f.streams.current(TABLE)).isEmpty();
    }

    @Test
    void enablingAgainMakesANewStreamAndListStreamsShowsBoth() {
        String first = f.enable("NEW_IMAGE");
        f.streams.disable(TABLE);
        f.clock.advance(Duration.ofSeconds(1));
        String second = f.enable("OLD_IMAGE");
        f.streams.enable("Other", "arn:aws:dynamodb:us-east-1:000000000000:table/Other", "KEYS_ONLY");

        assertThat(second).isEqualTo(TABLE_ARN + "/stream/2026-12-02T10:15:31.123").isNotEqualTo(first);
        assertThat(f.call("ListStreams", "{'TableName': 'Media'}")).isEqualTo(json("{'Streams': ["
                + "{'StreamArn': '" + first + "', 'TableName': 'Media', 'StreamLabel': '2026-12-02T10:15:30.123'},"
                + "{'StreamArn': '" + second + "', 'TableName': 'Media', 'StreamLabel': '2026-12-02T10:15:31.123'}]}"));
        assertThat(f.call("ListStreams", "{}").path("Streams")).hasSize(3);
    }

    @Test
    void listStreamsPagesWithLimitAndExclusiveStartStreamArn() {
        String first = f.enable("NEW_IMAGE");
        f.streams.disable(TABLE);
        f.clock.advance(Duration.ofSeconds(1));
        String second = f.enable("NEW_IMAGE");

        JsonNode page1 = f.call("ListStreams", "{'Limit': 1}");
        JsonNode page2 = f.call("ListStreams", "{'Limit': 1, 'ExclusiveStartStreamArn': '" + first + "'}");

        assertThat(page1.path("Streams").get(0).path("StreamArn").asText()).isEqualTo(first);
        assertThat(page1.path("LastEvaluatedStreamArn").asText()).isEqualTo(first);
        assertThat(page2.path("Streams").get(0).path("StreamArn").asText()).isEqualTo(second);
        assertThat(page2.has("LastEvaluatedStreamArn")).isFalse();
    }

    @Test
    void enablingATableThatHasAStreamIsRefused() {
        f.enable("NEW_IMAGE");

        assertError(catchThrowableOfType(DynamoDbException.class, () -> f.enable("KEYS_ONLY")),
                "ValidationException", "Table already has an enabled stream: TableName: Media");
    }

    @Test
    void anUnknownStreamIsNotFound() {
        String arn = TABLE_ARN + "/stream/2020-01-01T00:00:00.000";

        assertError(f.failure("DescribeStream", "{'StreamArn': '" + arn + "'}"), "ResourceNotFoundException",
                "Requested resource not found: Stream: " + arn + " not found");
    }

    @Test
    void parametersAreValidatedAsTheServiceDoes() {
        assertError(f.failure("DescribeStream", "{}"), "ValidationException",
                "1 validation error detected: Value null at 'streamArn' failed to satisfy constraint: Member must not be null");
        assertError(f.failure("DescribeStream", "{'StreamArn': 'short', 'Limit': 0}"), "ValidationException",
                "2 validation errors detected: Value 'short' at 'streamArn' failed to satisfy constraint: Member must have"
                        + " length greater than or equal to 37; Value '0' at 'limit' failed to satisfy constraint: Member"
                        + " must have value greater than or equal to 1");
        assertError(f.failure("ListStreams", "{'Limit': 101}"), "ValidationException",
                "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value"
                        + " less than or equal to 100");
    }

    @Test
    void anUnknownOperationIsRefused() {
        assertThat(f.failure("DescribeTable", "{}").type()).isEqualTo("UnknownOperationException");
    }
}
