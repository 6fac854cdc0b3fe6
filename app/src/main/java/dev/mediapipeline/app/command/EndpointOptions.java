package dev.mediapipeline.app.command;

import dev.mediapipeline.common.config.PipelineConfig;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a command finds AWS: --endpoint, else AWS_ENDPOINT_URL, else what the command defaults to. */
public final class EndpointOptions {

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "AWS endpoint (embedded stack or LocalStack), e.g. http://127.0.0.1:4566. "
                    + "Default: AWS_ENDPOINT_URL.")
    URI endpoint;

    @Option(names = "--region", paramLabel = "REGION", description = "Default: AWS_REGION, else us-east-1.")
    String region;

    @Option(names = "--bucket", paramLabel = "NAME", description = "Upload bucket. Default: MEDIA_BUCKET, else media.")
    String bucket;

    /** For workers: with no endpoint given they use the default AWS chain, as on ECS or Lambda. */
    public PipelineConfig config() {
        PipelineConfig env = PipelineConfig.fromEnvironment();
        PipelineConfig c = new PipelineConfig(Optional.ofNullable(endpoint).or(env::endpoint),
                region != null ? region : env.region(), env.bucket(), env.ingestQueue(), env.ingestDlq(),
                env.indexDlq(), env.mediaTable(), env.tagIndexTable(), env.tombstoneTable());
        return bucket != null ? c.withBucket(bucket) : c;
    }

    /** For tools run beside `run`: with no endpoint given they talk to the embedded stack. */
    public PipelineConfig configOrEmbedded(boolean useAws) {
        PipelineConfig c = config();
        return c.endpoint().isPresent() || useAws ? c : c.withEndpoint(PipelineConfig.EMBEDDED_ENDPOINT);
    }
}
