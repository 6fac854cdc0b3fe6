package dev.mediapipeline.localaws.dynamodb.streams;

import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.TABLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsPersistenceTest {

    @Test
    void streamsShardsRecordsAndIteratorsSurviveReopeningTheStore(@TempDir Path dir) {
        String file = dir.resolve("dynamodb.mv.db").toString();
        StreamsOptions options = new StreamsOptions(Duration.ofSeconds(1), Duration.ofHours(24), Duration.ofMinutes(15));
        StreamsFixture before = new StreamsFixture(options, MVStore.open(file), Duration.ZERO);
        String arn = before.enable("NEW_IMAGE");
        before.change("a", null, "1");
        before.clock.advance(Duration.ofSeconds(1));
        before.change("b", null, "1");
        JsonNode shards = before.shards(arn);
        String child = shards.get(1).path("ShardId").asText();
        String iterator = before.iterator(arn, child, "TRIM_HORIZON");
        before.store.close();

        StreamsFixture after = new StreamsFixture(options, MVStore.open(file), Duration.ofMillis(2100));

        assertThat(after.streams.current(TABLE).orElseThrow().streamArn()).isEqualTo(arn);
        JsonNode read = after.records(iterator);
        assertThat(read.path("Records").findValuesAsText("SequenceNumber")).containsExactly("100000000000000000002");
        after.change("c", null, "1");
        JsonNode reopenedShards = after.shards(arn);
        assertThat(reopenedShards.get(0)).isEqualTo(shards.get(0));
        assertThat(reopenedShards.get(1).path("ShardId").asText()).isEqualTo(child);
        String last = reopenedShards.get(2).path("ShardId").asText();
        assertThat(after.records(after.iterator(arn, last, "TRIM_HORIZON")).path("Records")
                .findValuesAsText("SequenceNumber")).as("numbering goes on after the restart")
                .containsExactly("100000000000000000003");
        after.store.close();
    }
}
