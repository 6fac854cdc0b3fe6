package dev.mediapipeline.localaws.dynamodb.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrentRecordingTest {

    private static final int WRITERS = 6;
    private static final int CHANGES_PER_ITEM = 150;

    private final StreamsFixture f = new StreamsFixture();

    @Test
    @Timeout(60)
    void aReaderFollowingConcurrentWritersNeverSeesAGapFilledLater() throws Exception {
        String arn = f.enable("NEW_IMAGE");
        String shard = f.firstShard(arn);
        String iterator = f.iterator(arn, shard, "TRIM_HORIZON");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String item = "item" + w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < CHANGES_PER_ITEM; i++) {
                    f.change(item, i == 0 ? null : String.valueOf(i - 1), String.valueOf(i));
                }
            }));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        List<JsonNode> followed = new ArrayList<>();
        while (writing.get() || followed.size() < WRITERS * CHANGES_PER_ITEM) {
            writing.set(writers.stream().anyMatch(w -> !w.isDone()));
            JsonNode response = f.records(iterator);
            response.path("Records").forEach(followed::add);
            iterator = response.path("NextShardIterator").asText();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        for (Future<?> w : writers) {
            w.get();
        }

        List<String> numbers = followed.stream().map(r -> r.path("dynamodb").path("SequenceNumber").asText()).toList();
        assertThat(numbers).hasSize(WRITERS * CHANGES_PER_ITEM);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(SequenceNumbers.format(i + 1));
        }
        Map<String, Integer> lastVersion = new HashMap<>();
        for (JsonNode record : followed) {
            String item = record.path("dynamodb").path("Keys").path("id").path("S").asText();
            int version = record.path("dynamodb").path("NewImage").path("v").path("S").asInt();
            assertThat(version).as("per-item order of %s", item).isEqualTo(lastVersion.getOrDefault(item, -1) + 1);
            lastVersion.put(item, version);
        }
    }
}
