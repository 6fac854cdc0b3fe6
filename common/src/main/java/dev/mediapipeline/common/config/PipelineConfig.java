package dev.mediapipeline.common.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the pipeline's resources are and what they are called. The same values drive the embedded
 * stack, LocalStack and AWS; only {@link #endpoint()} tells them apart, and workers never look further.
 */
public record PipelineConfig(
        Optional<URI> endpoint,
        String region,
        String bucket,
        String ingestQueue,
        String ingestDlq,
        String indexDlq,
        String mediaTable,
        String tagIndexTable,
        String tombstoneTable) {

    public static final URI EMBEDDED_ENDPOINT = URI.create("http://127.0.0.1:4566");
    public static final String DEFAULT_REGION = "us-east-1";

    public static PipelineConfig defaults() {
        return new PipelineConfig(Optional.empty(), DEFAULT_REGION, "media", "media-ingest",
                "media-ingest-dlq", "media-index-dlq", "UserMedia", "MediaTagIndex", "MediaTombstones");
    }

    /** Defaults overridden by AWS_ENDPOINT_URL, AWS_REGION and the MEDIA_* names, as containers set them. */
    public static PipelineConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static PipelineConfig fromEnvironment(Map<String, String> env) {
        PipelineConfig d = defaults();
        return new PipelineConfig(
                Optional.ofNullable(blankToNull(env.get("AWS_ENDPOINT_URL"))).map(URI::create),
                env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", d.region)),
                env.getOrDefault("MEDIA_BUCKET", d.bucket),
                env.getOrDefault("MEDIA_INGEST_QUEUE", d.ingestQueue),
                env.getOrDefault("MEDIA_INGEST_DLQ", d.ingestDlq),
                env.getOrDefault("MEDIA_INDEX_DLQ", d.indexDlq),
                env.getOrDefault("MEDIA_TABLE", d.mediaTable),
                env.getOrDefault("MEDIA_TAG_INDEX_TABLE", d.tagIndexTable),
                env.getOrDefault("MEDIA_TOMBSTONE_TABLE", d.tombstoneTable));
    }

    public PipelineConfig withEndpoint(URI newEndpoint) {
        return new PipelineConfig(Optional.of(newEndpoint), region, bucket, ingestQueue, ingestDlq, indexDlq,
                mediaTable, tagIndexTable, tombstoneTable);
    }

    public PipelineConfig withBucket(String newBucket) {
        return new PipelineConfig(endpoint, region, newBucket, ingestQueue, ingestDlq, indexDlq,
                mediaTable, tagIndexTable, tombstoneTable);
    }

    /** The SQS ARN S3 notifications name; the account is LocalStack's and the embedded stack's fixed one off AWS. */
    public String queueArn(String queueName, String accountId) {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + queueName;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
