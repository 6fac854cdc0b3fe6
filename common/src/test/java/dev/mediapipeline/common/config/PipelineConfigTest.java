package dev.mediapipeline.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineConfigTest {

    @Test
    void defaultsAreTheDesignNamesAndNoEndpoint() {
        PipelineConfig c = PipelineConfig.fromEnvironment(Map.of());

        assertThat(c.endpoint()).isEmpty();
        assertThat(c.bucket()).isEqualTo("media");
        assertThat(c.ingestQueue()).isEqualTo("media-ingest");
        assertThat(c.ingestDlq()).isEqualTo("media-ingest-dlq");
        assertThat(c.indexDlq()).isEqualTo("media-index-dlq");
        assertThat(c.mediaTable()).isEqualTo("UserMedia");
        assertThat(c.tagIndexTable()).isEqualTo("MediaTagIndex");
    }

    @Test
    void environmentPointsTheWorkersElsewhere() {
        PipelineConfig c = PipelineConfig.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "http://localstack:4566",
                "AWS_REGION", "eu-west-1", "MEDIA_BUCKET", "uploads"));

        assertThat(c.endpoint()).contains(URI.create("http://localstack:4566"));
        assertThat(c.region()).isEqualTo("eu-west-1");
        assertThat(c.bucket()).isEqualTo("uploads");
        assertThat(c.queueArn("media-ingest", "000000000000"))
                .isEqualTo("arn:aws:sqs:eu-west-1:000000000000:media-ingest");
    }
}
