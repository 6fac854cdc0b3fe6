package dev.mediapipeline.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.lambda.event.SqsMessages;
import dev.mediapipeline.lambda.event.StreamRecords;
import dev.mediapipeline.lambda.local.SqsEventSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Run by {@link LambdaPackageIT} in a JVM of its own whose class path is the Lambda package's lib/ (and
 * this class): makes each handler as Lambda does, with its no-argument constructor and the function's
 * environment, invokes it once with the pending S3 event and then the stream's records (the Pipe enrichment
 * with those records as a Pipe's batch), and prints how
 * long each step took since the JVM started. Lambda's own init adds its sandbox start to this.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        IngestHandler ingest = (IngestHandler) Class.forName(IngestHandler.class.getName()).getConstructor().newInstance();
        long ingestInit = System.currentTimeMillis();
        AwsClients clients = new AwsClients(PipelineConfig.fromEnvironment());
        SQSEvent event = pendingUploads(clients, Integer.parseInt(args[0]));
        long invoked = System.currentTimeMillis();
        SQSBatchResponse ingested = ingest.handleRequest(event, null);
        long ingestDone = System.currentTimeMillis();
        IndexHandler index = (IndexHandler) Class.forName(IndexHandler.class.getName()).getConstructor().newInstance();
        long indexInit = System.currentTimeMillis();
        var streamEvent = StreamRecords.toLambda(StreamContents.records(clients), StreamContents.streamArn(clients));
        long indexInvoked = System.currentTimeMillis();
        StreamsEventResponse indexed = index.handleRequest(streamEvent, null);
        long indexDone = System.currentTimeMillis();
        var enrichment = (ChangeEventsEnrichment) Class.forName(ChangeEventsEnrichment.class.getName())
                .getConstructor().newInstance();
        byte[] batch = PipeBatches.of(StreamContents.records(clients), StreamContents.streamArn(clients));
        long enrichInvoked = System.currentTimeMillis();
        ByteArrayOutputStream enriched = new ByteArrayOutputStream();
        enrichment.handleRequest(new ByteArrayInputStream(batch), enriched, null);
        long enrichDone = System.currentTimeMillis();
        System.out.printf("ingest-init-ms=%d ingest-first-invoke-ms=%d ingest-failures=%d%n", ingestInit - jvmStart,
                ingestDone - invoked, ingested.getBatchItemFailures().size());
        System.out.printf("index-init-ms-after-ingest=%d index-first-invoke-ms=%d index-failures=%d records=%d%n",
                indexInit - ingestDone, indexDone - indexInvoked, indexed.getBatchItemFailures().size(),
                streamEvent.getRecords().size());
        System.out.printf("enrich-first-invoke-ms=%d enrich-events=%d records=%d%n", enrichDone - enrichInvoked,
                new ObjectMapper().readTree(enriched.toByteArray()).size(), streamEvent.getRecords().size());
        System.exit(0);
    }

    private static SQSEvent pendingUploads(AwsClients clients, int count) {
        String url = clients.sqs().getQueueUrl(r -> r.queueName(clients.config().ingestQueue())).queueUrl();
        String arn = clients.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        List<Message> messages = new ArrayList<>();
        while (messages.size() < count) {
            messages.addAll(clients.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(5)
                    .messageSystemAttributeNamesWithStrings(SqsEventSource.SYSTEM_ATTRIBUTES)).messages());
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> SqsMessages.toLambda(m, arn, clients.config().region())).toList());
        return event;
    }
}
