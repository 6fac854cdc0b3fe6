package dev.mediapipeline.indexer;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.util.Optional;

/** Provisioned resources of one test class on the shared embedded stack, under names of its own. */
public final class TestStack {

    private TestStack() {
    }

    public static AwsClients provisioned(String prefix) {
        PipelineConfig d = PipelineConfig.defaults();
        PipelineConfig config = new PipelineConfig(Optional.of(SharedLocalAws.endpoint()), SharedLocalAws.REGION,
                prefix + "-media", prefix + "-ingest", prefix + "-ingest-dlq", prefix + "-index-dlq",
                prefix + "-" + d.mediaTable(), prefix + "-" + d.tagIndexTable(), prefix + "-" + d.tombstoneTable());
        AwsClients clients = new AwsClients(config);
        new Provisioner(clients).provision();
        return clients;
    }
}
