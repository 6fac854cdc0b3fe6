package dev.mediapipeline.lambda.local;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.indexer.IndexerOptions;
import dev.mediapipeline.ingest.handle.IngestMetrics;
import dev.mediapipeline.ingest.queue.IngestOptions;
import dev.mediapipeline.lambda.IndexHandler;
import dev.mediapipeline.lambda.IngestHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The two functions of deploy/cloudformation/media-pipeline.yaml ({@code Compute=lambda}) in this process:
 * each handler behind an in-process event source mapping with the template's settings, so the Lambda
 * deployment can be tried on a laptop with no Docker.
 */
public final class LocalFunctions {

    /** The template's ingest mapping: batches of 10. */
    private static final int SQS_BATCH = 10;

    private LocalFunctions() {
    }

    /** @param options its parallelism is the mapping's concurrency (the template's MaximumConcurrency is 20) */
    public static SqsEventSource ingest(AwsClients clients, IngestMetrics metrics, IngestOptions options) {
        PipelineConfig config = clients.config();
        return new SqsEventSource(clients.sqs(), config.ingestQueue(), config.region(),
                new IngestHandler(clients, metrics, options), SQS_BATCH, options.parallelism());
    }

    public static IndexFunction index(AwsClients clients) {
        return new IndexFunction(clients);
    }

    /** The index function and its stream mapping; closing stops the mapping, then the handler's writers. */
    public static final class IndexFunction implements AutoCloseable {

        private final ExecutorService writers;
        private final StreamEventSource source;

        private IndexFunction(AwsClients clients) {
            PipelineConfig config = clients.config();
            IndexerOptions options = IndexerOptions.defaults();
            this.writers = Executors.newFixedThreadPool(options.writeConcurrency());
            String streamArn = clients.dynamoDb().describeTable(r -> r.tableName(config.mediaTable())).table()
                    .latestStreamArn();
            this.source = new StreamEventSource(clients.dynamoDbStreams(), streamArn,
                    new IndexHandler(clients, options.retry(), writers), StreamMappingSettings.asDeployed(),
                    new FailureDestination(clients.sqs(), config.indexDlq(),
                            "arn:aws:lambda:" + config.region() + ":000000000000:function:media-pipeline-index"));
        }

        public void start() {
            source.start();
        }

        @Override
        public void close() {
            source.close();
            writers.shutdownNow();
        }
    }
}
