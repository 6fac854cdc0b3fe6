package dev.mediapipeline.localaws.dynamodb.streams;

import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetShardIteratorTest {

    private final StreamsFixture f = new StreamsFixture();
    private String arn;
    private String shard;

    @BeforeEach
    void threeRecords() {
        arn = f.enable("NEW_IMAGE");
        shard = f.firstShard(arn);
        f.change("a", null, "1");
        f.change("b", null, "1");
        f.change("c", null, "1");
    }

    private List<String> ids(String iterator) {
        return f.records(iterator).path("Records").findValues("Keys").stream()
                .map(k -> k.path("id").path("S").asText()).toList();
    }

    @Test
    void trimHorizonStartsAtTheOldestRecord() {
        assertThat(ids(f.iterator(arn, shard, "TRIM_HORIZON"))).containsExactly("a", "b", "c");
    }

    @Test
    void latestStartsAfterTheNewestRecord() {
        String latest = f.iterator(arn, shard, "LATEST");
        f.change("d", null, "1");

        assertThat(ids(latest)).containsExactly("d");
    }

    @Test
    void sequenceNumberIteratorsStartAtOrAfterTheRecord() {
        assertThat(ids(f.iteratorAt(arn, shard, "AT_SEQUENCE_NUMBER", "100000000000000000002"))).containsExactly("b", "c");
        assertThat(ids(f.iteratorAt(arn, shard, "AFTER_SEQUENCE_NUMBER", "100000000000000000002"))).containsExactly("c");
    }

    @Test
    void iteratorsAreOpaqueStringsStartingWithTheStreamArn() {
        assertThat(f.iterator(arn, shard, "TRIM_HORIZON")).startsWith(arn + "|1|").hasSizeLessThan(2048);
    }

    @Test
    void anUnknownIteratorTypeIsRefusedWithTheAllowedValues() {
        assertError(f.failure("GetShardIterator", "{'StreamArn': '" + arn + "', 'ShardId': '" + shard
                        + "', 'ShardIteratorType': 'AT_TIMESTAMP'}"), "ValidationException",
                "1 validation error detected: Value 'AT_TIMESTAMP' at 'shardIteratorType' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]");
    }

    @Test
    void missingMembersAreAllReported() {
        assertError(f.failure("GetShardIterator", "{'StreamArn': '" + arn + "'}"), "ValidationException",
                "2 validation errors detected: Value null at 'shardId' failed to satisfy constraint: Member must not be"
                        + " null; Value null at 'shardIteratorType' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void aSequenceNumberTypeNeedsASequenceNumberOfThisShard() {
        String request = "{'StreamArn': '" + arn + "', 'ShardId': '" + shard + "', 'ShardIteratorType': 'AT_SEQUENCE_NUMBER'";

        assertError(f.failure("GetShardIterator", request + "}"), "ValidationException",
                "SequenceNumber is required for ShardIteratorType AT_SEQUENCE_NUMBER");
        assertError(f.failure("GetShardIterator", request + ", 'SequenceNumber': '100000000000000000004'}"),
                "ValidationException", "Invalid SequenceNumber 100000000000000000004 for shard " + shard);
        assertError(f.failure("GetShardIterator", request + ", 'SequenceNumber': '12345'}"), "ValidationException",
                "1 validation error detected: Value '12345' at 'sequenceNumber' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 21");
    }

    @Test
    void anUnknownShardOrStreamIsNotFound() {
        String otherShard = "shardId-00000001796206530123-00000000";
        assertError(f.failure("GetShardIterator", "{'StreamArn': '" + arn + "', 'ShardId': '" + otherShard
                        + "', 'ShardIteratorType': 'LATEST'}"), "ResourceNotFoundException",
                "Requested resource not found: Shard does not exist");
        String otherStream = arn.replace("Media", "Other");
        assertError(f.failure("GetShardIterator", "{'StreamArn': '" + otherStream + "', 'ShardId': '" + shard
                        + "', 'ShardIteratorType': 'LATEST'}"), "ResourceNotFoundException",
                "Requested resource not found: Stream: " + otherStream + " not found");
    }
}
