package dev.mediapipeline.localaws.testing;

import dev.mediapipeline.common.config.PipelineConfig;
import java.util.Map;
import java.util.Optional;

/**
 * Resource names of their own for a test sharing the embedded stack, and the environment variables
 * that hand them to whatever reads them: the workers and LocalStack's ready hooks alike.
 */
public final class PipelineNames {

    private PipelineNames() {
    }

    /** The default names, each behind the prefix; no endpoint yet. */
    public static PipelineConfig prefixed(String prefix) {
        PipelineConfig d = PipelineConfig.defaults();
        return new PipelineConfig(Optional.empty(), SharedLocalAws.REGION, prefix + d.bucket(), prefix + d.ingestQueue(),
                prefix + d.ingestDlq(), prefix + d.indexDlq(), prefix + d.mediaTable(), prefix + d.tagIndexTable(),
                prefix + d.tombstoneTable());
    }

    /** MEDIA_* names, as PipelineConfig.fromEnvironment() and localstack-init/ read them. */
    public static Map<String, String> environment(PipelineConfig config) {
        return Map.of(
                "MEDIA_BUCKET", config.bucket(),
                "MEDIA_INGEST_QUEUE", config.ingestQueue(),
                "MEDIA_INGEST_DLQ", config.ingestDlq(),
                "MEDIA_INDEX_DLQ", config.indexDlq(),
                "MEDIA_TABLE", config.mediaTable(),
                "MEDIA_TAG_INDEX_TABLE", config.tagIndexTable(),
                "MEDIA_TOMBSTONE_TABLE", config.tombstoneTable());
    }
}
