package dev.mediapipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.extract.testing.SampleCorpus;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test: a handful of uploads give latency percentiles, a throughput ratio and a chart. */
class PipelineBenchTest {

    @TempDir
    Path out;

    @Test
    void everyUploadIsTimedToItsItemAndItsIndexEntry() throws Exception {
        Path jpeg = SampleCorpus.file(".jpg");
        Path png = SampleCorpus.file(".png");

        JsonNode json = BenchFixtures.bench(out, "pipeline", "pipeline", "--uploads", "6", "--rate", "3",
                "--backlog", "4", "--warmup", "2", "--ceiling-seconds", "1", jpeg.toString(), png.toString());

        JsonNode summary = json.path("latencySummary");
        assertThat(summary.path("toItemWritten").path("count").asInt()).isEqualTo(6);
        assertThat(summary.path("toIndexVisible").path("count").asInt()).isEqualTo(6);
        assertThat(summary.path("toItemWritten").path("p50Ms").asDouble()).isPositive();
        assertThat(summary.path("toIndexVisible").path("p99Ms").asDouble())
                .isGreaterThanOrEqualTo(summary.path("toItemWritten").path("p50Ms").asDouble());
        JsonNode throughput = json.path("tables").path("throughput");
        assertThat(BenchFixtures.row(throughput, "what", "raw ceiling").path("per second").asDouble()).isPositive();
        assertThat(BenchFixtures.row(throughput, "what", "raw ceiling").path("process CPU ms per object").asDouble())
                .isPositive();
        assertThat(BenchFixtures.row(throughput, "what", "pipeline: backlog drained to tag index")
                .path("process CPU ms per object").asDouble()).isPositive();
        assertThat(BenchFixtures.row(throughput, "what", "pipeline: backlog drained to items").path("n").asInt())
                .isEqualTo(4);
        assertThat(json.path("latencySamples")).hasSize(6);
        BufferedImage chart = ImageIO.read(out.resolve("pipeline-latency.png").toFile());
        assertThat(chart).isNotNull();
        assertThat(chart.getWidth()).isGreaterThan(500);
    }
}
