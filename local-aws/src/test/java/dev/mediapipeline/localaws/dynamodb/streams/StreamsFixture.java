package dev.mediapipeline.localaws.dynamodb.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVStore;

/** A streams service on an in-memory MVStore and a hand-moved clock, with shorthands for the API. */
class StreamsFixture {

    static final Instant START = Instant.parse("2026-12-02T10:15:30.123Z");
    static final String TABLE = "Media";
    static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/Media";
    static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock(START);
    final MVStore store;
    final StreamsService streams;

    StreamsFixture() {
        this(StreamsOptions.defaults());
    }

    StreamsFixture(StreamsOptions options) {
        this(options, new MVStore.Builder().open(), Duration.ZERO);
    }

    /** A fixture on a given store, its clock {@code later} than {@link #START}. */
    StreamsFixture(StreamsOptions options, MVStore store, Duration later) {
        this.store = store;
        clock.advance(later);
        this.streams = new StreamsService(store, clock, options);
    }

    String enable(String viewType) {
        return streams.enable(TABLE, TABLE_ARN, viewType, List.of(KeyAttribute.hash("id"))).streamArn();
    }

    /** Records a change of item {@code id}; images are {@code {id, v}}, null for none. */
    void change(String id, String oldV, String newV) {
        streams.record(TABLE, new ItemChange(Map.of("id", Value.s(id)), image(id, oldV), image(id, newV), false));
    }

    static Map<String, Value> image(String id, String v) {
        if (v == null) {
            return null;
        }
        Map<String, Value> item = new LinkedHashMap<>();
        item.put("id", Value.s(id));
        item.put("v", Value.s(v));
        return item;
    }

    JsonNode call(String operation, String json) {
        return streams.handle(operation, json(json));
    }

    DynamoDbException failure(String operation, String json) {
        return catchThrowableOfType(DynamoDbException.class, () -> call(operation, json));
    }

    static void assertError(DynamoDbException e, String type, String message) {
        assertThat(e).as("expected %s", type).isNotNull();
        assertThat(e.type()).isEqualTo(type);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    JsonNode shards(String streamArn) {
        return call("DescribeStream", "{'StreamArn': '" + streamArn + "'}").path("StreamDescription").path("Shards");
    }

    String firstShard(String streamArn) {
        return shards(streamArn).get(0).path("ShardId").asText();
    }

    String iterator(String streamArn, String shardId, String type) {
        return call("GetShardIterator", "{'StreamArn': '" + streamArn + "', 'ShardId': '" + shardId
                + "', 'ShardIteratorType': '" + type + "'}").path("ShardIterator").asText();
    }

    String iteratorAt(String streamArn, String shardId, String type, String sequenceNumber) {
        return call("GetShardIterator", "{'StreamArn': '" + streamArn + "', 'ShardId': '" + shardId
                + "', 'ShardIteratorType': '" + type + "', 'SequenceNumber': '" + sequenceNumber + "'}")
                .path("ShardIterator").asText();
    }

    JsonNode records(String iterator) {
        ObjectNode request = JSON.createObjectNode().put("ShardIterator", iterator);
        return streams.handle("GetRecords", request);
    }

    /** Requests in the tests are written with single quotes. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
