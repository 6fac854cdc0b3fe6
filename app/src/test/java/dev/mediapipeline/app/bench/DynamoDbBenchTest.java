package dev.mediapipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test: every operation runs against the embedded stack and gets a rate, latencies and a CPU cost. */
class DynamoDbBenchTest {

    @TempDir
    Path out;

    @Test
    void everyOperationHasAPositiveRate() throws Exception {
        JsonNode json = BenchFixtures.bench(out, "dynamodb", "dynamodb", "--seconds", "1", "--threads", "1");

        List<String> operations = new ArrayList<>();
        for (JsonNode c : json.path("cases")) {
            operations.add(c.path("operation").asText());
            assertThat(c.path("threads").asInt()).isEqualTo(1);
            assertThat(c.path("opsPerSecond").asDouble()).as(c.toString()).isPositive();
            assertThat(c.path("p50Ms").asDouble()).as(c.toString()).isPositive();
            assertThat(c.path("p99Ms").asDouble()).as(c.toString())
                    .isGreaterThanOrEqualTo(c.path("p50Ms").asDouble());
            assertThat(c.path("cpuMsPerOp").asDouble()).as(c.toString()).isPositive();
        }
        assertThat(operations).containsExactly("PutItem", "GetItem", "Query", "TransactWriteItems", "GetRecords");
        assertThat(BenchFixtures.row(json.path("cases"), "operation", "GetRecords").path("recordsPerSecond")
                .asDouble()).isPositive();
        assertThat(out.resolve("dynamodb.md")).content().contains("| TransactWriteItems | 1 |");
    }
}
