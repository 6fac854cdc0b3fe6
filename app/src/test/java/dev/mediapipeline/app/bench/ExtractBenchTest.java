package dev.mediapipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.extract.testing.SampleCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test: on two tiny files, the extract benchmark reports every contender and every format. */
class ExtractBenchTest {

    @TempDir
    Path out;

    @Test
    void reportsInProcessFormatsAndTheWholeExtractProcessOnTheSameFiles() throws Exception {
        Path jpeg = SampleCorpus.file(".jpg");
        Path png = SampleCorpus.file(".png");

        JsonNode json = BenchFixtures.bench(out, "extract", "extract", "--repeat", "2", "--runs", "1",
                "--per-file", "1", "--no-tools", jpeg.toString(), png.toString());

        JsonNode inProcess = json.path("tables").path("inProcess");
        assertThat(BenchFixtures.row(inProcess, "format (ContentType)", "all").path("files").asInt()).isEqualTo(4);
        assertThat(BenchFixtures.row(inProcess, "format (ContentType)", "image/jpeg").path("files").asInt())
                .isEqualTo(2);
        assertThat(BenchFixtures.row(inProcess, "format (ContentType)", "image/png").path("files/s").asDouble())
                .isPositive();
        JsonNode batch = BenchFixtures.row(json.path("tables").path("wholeProcess"), "how", "one process, list x2");
        assertThat(batch.path("tool").asText()).isEqualTo("media-pipeline extract");
        assertThat(batch.path("files").asInt()).isEqualTo(4);
        assertThat(batch.path("files/s").asDouble()).isPositive();
        assertThat(BenchFixtures.row(json.path("tables").path("wholeProcess"), "how", "one process per file")
                .path("files").asInt()).isEqualTo(1);
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        assertThat(Files.readString(out.resolve("extract.md"))).contains("| media-pipeline extract | one process");
    }
}
