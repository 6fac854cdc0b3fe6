package dev.mediapipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.extract.testing.SampleCorpus;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test: a handful of uploads give latency percentiles, a throughput ratio, a chart, and the AWS billing
 * units the workers' clients used.
 */
class PipelineBenchTest {

    private static final Path PRICES = Path.of("..", "docs", "aws-prices.md");

    @TempDir
    Path out;

    @Test
    void everyUploadIsTimedToItsItemAndItsIndexEntry() throws Exception {
        Path jpeg = SampleCorpus.file(".jpg");
        Path png = SampleCorpus.file(".png");

        JsonNode json = BenchFixtures.bench(out, "pipeline", "pipeline", "--uploads", "6", "--rate", "3",
                "--backlog", "4", "--warmup", "2", "--ceiling-seconds", "1", "--prices", PRICES.toString(), jpeg.toString(),
                png.toString());

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

        JsonNode billing = json.path("billing");
        assertThat(billing.path("itemWriteUnitsPerUpload").asDouble()).isBetween(1.0, 2.0);
        for (String perThousand : new String[] {"s3Requests", "sqsRequests", "dynamodbWriteUnits",
                "dynamodbReadUnits", "streamReads", "usd"}) {
            assertThat(billing.path(perThousand).asDouble()).as(perThousand).isPositive();
        }
        // Each upload's object is read at least once, and S3 delivers each event to SQS.
        assertThat(billing.path("s3Requests").asDouble()).isGreaterThanOrEqualTo(1000);
        assertThat(billing.path("sqsRequests").asDouble()).isGreaterThan(1000);
        assertThat(billing.path("perThousandDeletes").path("dynamodbWriteUnitsByTable").path("UserMedia").asDouble())
                .isEqualTo(1000);
        assertThat(BenchFixtures.row(json.path("tables").path("billing"), "billing unit", "**total**").path("USD, uploads")
                .asText()).startsWith("$");
    }
}
