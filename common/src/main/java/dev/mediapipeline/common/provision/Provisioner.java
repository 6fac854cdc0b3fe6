package dev.mediapipeline.common.provision;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every resource the pipeline needs, idempotently, on whatever endpoint the clients point at:
 * running it twice, or against resources made by the LocalStack init scripts, changes nothing.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);

    private final PipelineConfig config;
    private final QueueProvisioner queues;
    private final BucketProvisioner bucket;
    private final TableProvisioner tables;

    public Provisioner(AwsClients clients) {
        this.config = clients.config();
        this.queues = new QueueProvisioner(clients.sqs());
        this.bucket = new BucketProvisioner(clients.s3());
        this.tables = new TableProvisioner(clients.dynamoDb());
    }

    public void provision() {
        String ingestDlqArn = queues.ensure(config.ingestDlq(), Map.of());
        String ingestArn = queues.ensure(config.ingestQueue(), QueueProvisioner.ingestAttributes(ingestDlqArn));
        queues.ensure(config.indexDlq(), Map.of());
        bucket.ensure(config.bucket());
        queues.allowBucketToSend(config.ingestQueue(), ingestArn, config.bucket());
        bucket.notifyQueue(config.bucket(), ingestArn);
        tables.ensure(TableDefinitions.userMedia(config.mediaTable()));
        tables.ensure(TableDefinitions.tagIndex(config.tagIndexTable()));
        tables.ensure(TableDefinitions.tombstones(config.tombstoneTable()));
        // AWS refuses UpdateTimeToLive on a table that is still CREATING.
        tables.awaitActive(List.of(config.mediaTable(), config.tagIndexTable(), config.tombstoneTable()));
        tables.enableTtl(config.tombstoneTable(), TableDefinitions.TTL_ATTRIBUTE);
        tables.enableTtl(config.tagIndexTable(), TableDefinitions.TTL_ATTRIBUTE);
        LOG.info("Provisioned bucket {}, queues {}/{}/{}, tables {}/{}/{}", config.bucket(),
                config.ingestQueue(), config.ingestDlq(), config.indexDlq(),
                config.mediaTable(), config.tagIndexTable(), config.tombstoneTable());
    }
}
