package dev.mediapipeline.localaws.dynamodb.streams;

import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.START;
import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.TABLE;
import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.assertError;
import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GetRecordsTest {

    private final StreamsFixture f = new StreamsFixture();

    private JsonNode all(String arn) {
        return f.records(f.iterator(arn, f.firstShard(arn), "TRIM_HORIZON")).path("Records");
    }

    @Test
    void aRecordCarriesWhatDynamoDbSends() {
        String arn = f.enable("NEW_AND_OLD_IMAGES");
        f.change("a", "1", "2");

        JsonNode record = all(arn).get(0);

        assertThat(record.path("eventID").asText()).matches("[0-9a-f]{32}");
        assertThat(record).isEqualTo(json("{'eventID': '" + record.path("eventID").asText() + "', 'eventName': 'MODIFY',"
                + " 'eventVersion': '1.1', 'eventSource': 'aws:dynamodb', 'awsRegion': 'us-east-1', 'dynamodb': {"
                + " 'ApproximateCreationDateTime': " + START.getEpochSecond() + ", 'Keys': {'id': {'S': 'a'}},"
                + " 'NewImage': {'id': {'S': 'a'}, 'v': {'S': '2'}}, 'OldImage': {'id': {'S': 'a'}, 'v': {'S': '1'}},"
                + " 'SequenceNumber': '100000000000000000001', 'SizeBytes': 13, 'StreamViewType': 'NEW_AND_OLD_IMAGES'}}"));
    }

    @ParameterizedTest
    @CsvSource({
            "KEYS_ONLY, false, false",
            "NEW_IMAGE, true, false",
            "OLD_IMAGE, false, true",
            "NEW_AND_OLD_IMAGES, true, true"})
    void theViewTypeChoosesTheImages(String viewType, boolean hasNew, boolean hasOld) {
        String arn = f.enable(viewType);
        f.change("a", null, "1");
        f.change("a", "1", "2");
        f.change("a", "2", null);

        JsonNode records = all(arn);

        assertThat(records.findValuesAsText("eventName")).containsExactly("INSERT", "MODIFY", "REMOVE");
        assertThat(records.findValuesAsText("StreamViewType")).containsOnly(viewType);
        List<String> newImages = records.findValues("NewImage").stream().map(i -> i.path("v").path("S").asText()).toList();
        List<String> oldImages = records.findValues("OldImage").stream().map(i -> i.path("v").path("S").asText()).toList();
        assertThat(newImages).isEqualTo(hasNew ? List.of("1", "2") : List.of());
        assertThat(oldImages).isEqualTo(hasOld ? List.of("1", "2") : List.of());
        int imageSize = 5;
        assertThat(records.findValues("SizeBytes").stream().map(JsonNode::asInt).toList()).containsExactly(
                3 + (hasNew ? imageSize : 0), 3 + (hasNew ? imageSize : 0) + (hasOld ? imageSize : 0),
                3 + (hasOld ? imageSize : 0));
    }

    @Test
    void timeToLiveDeletionsNameTheServiceAsTheirIdentity() {
        String arn = f.enable("KEYS_ONLY");
        f.change("a", null, "1");
        f.streams.record(TABLE, new ItemChange(Map.of("id", Value.s("a")), StreamsFixture.image("a", "1"), null, true));

        JsonNode records = all(arn);

        assertThat(records.get(0).has("userIdentity")).isFalse();
        assertThat(records.get(1).path("userIdentity"))
                .isEqualTo(json("{'PrincipalId': 'dynamodb.amazonaws.com', 'Type': 'Service'}"));
    }

    @Test
    void sequenceNumbersAreWideDecimalsThatIncreaseInRecordOrder() {
        String arn = f.enable("KEYS_ONLY");
        for (int i = 0; i < 12; i++) {
            f.change("item" + i, null, "1");
        }

        List<String> numbers = all(arn).findValuesAsText("SequenceNumber");

        assertThat(numbers).hasSize(12).allMatch(n -> n.matches("[0-9]{21}"));
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(new BigInteger(numbers.get(i))).isGreaterThan(new BigInteger(numbers.get(i - 1)));
            assertThat(numbers.get(i)).isGreaterThan(numbers.get(i - 1));
        }
    }

    @Test
    void limitBoundsABatchAndTheNextIteratorContinues() {
        String arn = f.enable("KEYS_ONLY");
        for (int i = 0; i < 5; i++) {
            f.change("item" + i, null, "1");
        }
        String iterator = f.iterator(arn, f.firstShard(arn), "TRIM_HORIZON");
        List<String> seen = new ArrayList<>();

        for (int batch = 0; batch < 3; batch++) {
            JsonNode response = f.streams.handle("GetRecords", json("{'ShardIterator': '" + iterator + "', 'Limit': 2}"));
            response.path("Records").findValues("Keys").forEach(k -> seen.add(k.path("id").path("S").asText()));
            iterator = response.path("NextShardIterator").asText();
        }

        assertThat(seen).containsExactly("item0", "item1", "item2", "item3", "item4");
        assertThat(f.records(iterator).path("Records")).isEmpty();
        assertThat(f.records(iterator).has("NextShardIterator")).as("an open shard always has a next iterator").isTrue();
    }

    @Test
    void aBatchHoldsAtMostAMegabyte() {
        String arn = f.enable("NEW_IMAGE");
        String large = "x".repeat(400_000);
        for (int i = 0; i < 3; i++) {
            f.change("item" + i, null, large);
        }
        f.streams.disable(TABLE);

        JsonNode first = f.records(f.iterator(arn, f.firstShard(arn), "TRIM_HORIZON"));
        JsonNode second = f.records(first.path("NextShardIterator").asText());

        assertThat(first.path("Records")).hasSize(2);
        assertThat(second.path("Records").findValuesAsText("SequenceNumber")).containsExactly("100000000000000000003");
        assertThat(second.has("NextShardIterator")).as("the closed shard is read to its end").isFalse();
    }

    @Test
    void theLimitIsBetweenOneAndAThousand() {
        String arn = f.enable("KEYS_ONLY");
        String iterator = f.iterator(arn, f.firstShard(arn), "TRIM_HORIZON");

        assertError(f.failure("GetRecords", "{'ShardIterator': '" + iterator + "', 'Limit': 1001}"), "ValidationException",
                "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value"
                        + " less than or equal to 1000");
        assertError(f.failure("GetRecords", "{'ShardIterator': '" + iterator + "', 'Limit': 0}"), "ValidationException",
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value"
                        + " greater than or equal to 1");
    }

    @Test
    void iteratorsExpireAfterFifteenMinutes() {
        String arn = f.enable("KEYS_ONLY");
        String iterator = f.iterator(arn, f.firstShard(arn), "TRIM_HORIZON");

        f.clock.advance(Duration.ofMinutes(15));
        String next = f.records(iterator).path("NextShardIterator").asText();
        f.clock.advance(Duration.ofMillis(1));

        assertError(f.failure("GetRecords", "{'ShardIterator': '" + iterator + "'}"), "ExpiredIteratorException",
                "Iterator expired. The iterator was created at time Wed Dec 02 10:15:30 UTC 2026 while right now it is"
                        + " Wed Dec 02 10:30:30 UTC 2026 which is further in the future than the tolerated delay of"
                        + " 900000 milliseconds.");
        assertThat(f.records(next).path("Records")).as("the next iterator is a new one").isEmpty();
    }

    @Test
    void anIteratorThatIsNotOursIsInvalid() {
        assertError(f.failure("GetRecords", "{'ShardIterator': 'garbage'}"), "ValidationException", "Invalid ShardIterator");
        assertError(f.failure("GetRecords", "{'ShardIterator': 'arn:x|1|!!'}"), "ValidationException",
                "Invalid ShardIterator");
    }

    @Test
    void changesWithoutAnEnabledStreamAreNotRecorded() {
        f.change("a", null, "1");
        String arn = f.enable("KEYS_ONLY");
        f.change("b", null, "1");
        f.streams.disable(TABLE);
        f.change("c", null, "1");

        assertThat(all(arn).findValues("Keys")).containsExactly(json("{'id': {'S': 'b'}}"));
    }
}
