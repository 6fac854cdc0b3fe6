package dev.mediapipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test with small "huge" objects: the worker in a capped child JVM parses both from their headers. */
class MemoryBenchTest {

    @TempDir
    Path out;

    @Test
    void reportsPeakHeapAndBytesFetchedOfAWorkerInAChildJvm() throws Exception {
        JsonNode json = BenchFixtures.bench(out, "memory", "memory", "--video-size", "24m", "--jpeg-size", "12m",
                "--heap", "128m");

        JsonNode objects = json.path("tables").path("objects");
        for (String name : new String[] {"huge-moov-at-end.mp4", "huge-photo.jpg"}) {
            JsonNode row = BenchFixtures.row(objects, "object", name);
            assertThat(row.path("Status").asText()).isEqualTo("READY");
            assertThat(row.path("same as the original").asText()).isEqualTo("yes");
            assertThat(row.path("read %").asDouble()).isLessThan(2.0);
        }
        long peak = json.path("heapBytes").path("peak").asLong();
        assertThat(peak).isPositive().isLessThan(128L << 20);
        assertThat(BenchFixtures.row(json.path("tables").path("heap"), "worker JVM (-Xmx128m)", "exit code")
                .path("value").asInt()).isZero();
    }
}
