package dev.mediapipeline.localaws.dynamodb.streams;

import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.TABLE;
import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.assertError;
import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Roll-over, retention and disabling, with a one-second shard lifetime and a one-minute retention. */
class ShardLifecycleTest {

    private static final String TRIMMED = "The operation attempted to read past the oldest stream record in a shard.";

    private final StreamsFixture f = new StreamsFixture(
            new StreamsOptions(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(15)));

    private static List<String> ids(JsonNode response) {
        return response.path("Records").findValues("Keys").stream().map(k -> k.path("id").path("S").asText()).toList();
    }

    @Test
    void aShardClosesOnScheduleAndAChildTakesOver() {
        String arn = f.enable("KEYS_ONLY");
        f.change("a", null, "1");
        f.clock.advance(Duration.ofMillis(1000));
        f.change("b", null, "1");

        JsonNode shards = f.shards(arn);

        assertThat(shards).hasSize(2);
        String parent = shards.get(0).path("ShardId").asText();
        assertThat(shards.get(0).path("SequenceNumberRange")).isEqualTo(json(
                "{'StartingSequenceNumber': '100000000000000000001', 'EndingSequenceNumber': '100000000000000000001'}"));
        assertThat(shards.get(1).path("ParentShardId").asText()).isEqualTo(parent);
        assertThat(shards.get(1).path("ShardId").asText()).startsWith("shardId-00000001796206531123-");
        assertThat(shards.get(1).path("SequenceNumberRange"))
                .isEqualTo(json("{'StartingSequenceNumber': '100000000000000000002'}"));
        assertThat(ids(f.records(f.iterator(arn, shards.get(1).path("ShardId").asText(), "TRIM_HORIZON"))))
                .containsExactly("b");
    }

    @Test
    void anIteratorOnAClosingShardReadsItsRestThenEnds() {
        String arn = f.enable("KEYS_ONLY");
        String parent = f.firstShard(arn);
        String iterator = f.iterator(arn, parent, "LATEST");
        f.change("a", null, "1");
        f.clock.advance(Duration.ofMillis(1500));
        f.change("b", null, "1");

        JsonNode response = f.records(iterator);

        assertThat(ids(response)).containsExactly("a");
        assertThat(response.has("NextShardIterator")).isFalse();
    }

    @Test
    void anIdleTableRollsOverToOneChildAtTheLatestScheduledTime() {
        String arn = f.enable("KEYS_ONLY");
        f.clock.advance(Duration.ofMillis(10_500));

        JsonNode shards = f.shards(arn);

        assertThat(shards).hasSize(2);
        assertThat(shards.get(1).path("ShardId").asText()).startsWith("shardId-00000001796206540123-");
        assertThat(shards.get(0).path("SequenceNumberRange")).as("an empty shard ends where it starts").isEqualTo(json(
                "{'StartingSequenceNumber': '100000000000000000001', 'EndingSequenceNumber': '100000000000000000001'}"));
        String iterator = f.iterator(arn, shards.get(0).path("ShardId").asText(), "TRIM_HORIZON");
        assertThat(f.records(iterator)).isEqualTo(json("{'Records': []}"));
    }

    @Test
    void describeStreamPagesThroughTheLineage() {
        String arn = f.enable("KEYS_ONLY");
        for (int i = 0; i < 3; i++) {
            f.change("item" + i, null, "1");
            f.clock.advance(Duration.ofSeconds(1));
        }
        List<String> all = f.shards(arn).findValuesAsText("ShardId");

        JsonNode page1 = f.call("DescribeStream", "{'StreamArn': '" + arn + "', 'Limit': 2}").path("StreamDescription");
        JsonNode page2 = f.call("DescribeStream", "{'StreamArn': '" + arn + "', 'Limit': 2, 'ExclusiveStartShardId': '"
                + page1.path("LastEvaluatedShardId").asText() + "'}").path("StreamDescription");

        assertThat(all).hasSize(4);
        assertThat(page1.path("Shards").findValuesAsText("ShardId")).isEqualTo(all.subList(0, 2));
        assertThat(page2.path("Shards").findValuesAsText("ShardId")).isEqualTo(all.subList(2, 4));
        assertThat(page2.has("LastEvaluatedShardId")).isFalse();
        for (int i = 1; i < all.size(); i++) {
            assertThat(f.shards(arn).get(i).path("ParentShardId").asText()).isEqualTo(all.get(i - 1));
        }
    }

    @Test
    void recordsOlderThanTheRetentionAreTrimmed() {
        String arn = f.enable("KEYS_ONLY");
        String shard = f.firstShard(arn);
        f.change("a", null, "1");
        String fromOldest = f.iterator(arn, shard, "TRIM_HORIZON");

        f.clock.advance(Duration.ofMillis(60_001));

        assertError(f.failure("GetRecords", "{'ShardIterator': '" + fromOldest + "'}"), "TrimmedDataAccessException",
                TRIMMED);
        assertError(f.failure("GetShardIterator", "{'StreamArn': '" + arn + "', 'ShardId': '" + shard
                        + "', 'ShardIteratorType': 'AT_SEQUENCE_NUMBER', 'SequenceNumber': '100000000000000000001'}"),
                "TrimmedDataAccessException", TRIMMED);
        assertThat(ids(f.records(f.iterator(arn, shard, "TRIM_HORIZON")))).as("the shard still lists").isEmpty();
    }

    @Test
    void closedShardsDisappearOnceOlderThanTheRetention() {
        String arn = f.enable("KEYS_ONLY");
        String first = f.firstShard(arn);
        f.change("a", null, "1");
        f.clock.advance(Duration.ofSeconds(30));
        f.change("b", null, "1");
        String second = f.shards(arn).get(1).path("ShardId").asText();
        // The first shard closed when b came, 30 s in; a minute later it is past the retention.
        f.clock.advance(Duration.ofMillis(61_000));
        JsonNode shards = f.shards(arn);

        assertThat(shards.findValuesAsText("ShardId")).doesNotContain(first).contains(second);
        assertThat(shards.get(0).path("ParentShardId").asText()).as("a child still names its trimmed parent")
                .isEqualTo(first);
        assertError(f.failure("GetShardIterator", "{'StreamArn': '" + arn + "', 'ShardId': '" + first
                + "', 'ShardIteratorType': 'TRIM_HORIZON'}"), "ResourceNotFoundException",
                "Requested resource not found: Shard does not exist");
    }

    @Test
    void aDisabledStreamIsReadableUntilItsRecordsAgeOutThenGone() {
        String arn = f.enable("KEYS_ONLY");
        f.change("a", null, "1");
        f.streams.disable(TABLE);
        f.clock.advance(Duration.ofSeconds(59));

        JsonNode shards = f.shards(arn);
        assertThat(shards).as("a disabled stream no longer rolls over").hasSize(1);
        JsonNode response = f.records(f.iterator(arn, shards.get(0).path("ShardId").asText(), "TRIM_HORIZON"));
        assertThat(ids(response)).containsExactly("a");
        assertThat(response.has("NextShardIterator")).isFalse();

        f.clock.advance(Duration.ofSeconds(2));
        assertError(f.failure("DescribeStream", "{'StreamArn': '" + arn + "'}"), "ResourceNotFoundException",
                "Requested resource not found: Stream: " + arn + " not found");
        assertThat(f.call("ListStreams", "{}")).isEqualTo(json("{'Streams': []}"));
    }
}
