package dev.mediapipeline.indexer;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.net.URI;
import java.util.Optional;

/** Provisioned resources of one test class on the shared embedded stack, under names of its own. */
public final class TestStack {

    private TestStack() {
    }

    public static AwsClients provisioned(String prefix) {
        return provisioned(prefix, SharedLocalAws.endpoint());
    }

    /** The same on a stack of the test's own. */
    public static AwsClients provisioned(String prefix, URI endpoint) {
        PipelineConfig d = PipelineConfig.defaults();
        PipelineConfig config = new PipelineConfig(Optional.of(endpoint), SharedLocalAws.REGION,
                prefix + "-media", prefix + "-ingest", prefix + "-ingest-dlq", prefix + "-index-dlq",
                prefix + "-" + d.mediaTable(), prefix + "-" + d.tagIndexTable(), prefix + "-" + d.tombstoneTable());
        AwsClients clients = new AwsClients(config);
        new Provisioner(clients).provision();
        return clients;
    }
}
