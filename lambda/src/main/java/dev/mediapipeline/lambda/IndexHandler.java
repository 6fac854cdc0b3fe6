package dev.mediapipeline.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.indexer.IndexerOptions;
import dev.mediapipeline.indexer.write.BatchApplier;
import dev.mediapipeline.indexer.write.IndexBatchWriter;
import dev.mediapipeline.indexer.write.IndexDeadLetters;
import dev.mediapipeline.indexer.write.IndexWriter;
import dev.mediapipeline.indexer.write.Ordering;
import dev.mediapipeline.indexer.write.RecordApplier;
import dev.mediapipeline.indexer.write.RetryPolicy;
import dev.mediapipeline.lambda.event.StreamRecords;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The indexer's core behind a DynamoDB Streams event source mapping with {@code ReportBatchItemFailures}.
 * Records it cannot apply after the core's retries are parked on the index DLQ by the core, as in the
 * worker, and count as done. Only a record that could be neither applied nor parked stops the batch:
 * the response names it, so the mapping retries from there. When not even the batch's first record got
 * through, the handler fails instead: to the mapping that is the same retry, but a function error is what
 * lets it bisect the batch ({@code BisectBatchOnFunctionError}) until a poison record is alone, retried up
 * to {@code MaximumRetryAttempts} and handed to the on-failure destination, while its neighbours go on.
 */
public final class IndexHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final BatchApplier core;

    /** What Lambda instantiates: resources named by the function's environment (see {@link FunctionEnvironment}). */
    public IndexHandler() {
        this(FunctionEnvironment.clients(), IndexerOptions.defaults().retry(),
                Executors.newFixedThreadPool(IndexerOptions.defaults().writeConcurrency()));
    }

    /** @param writers runs the writes of different items in parallel; the caller shuts it down */
    public IndexHandler(AwsClients clients, RetryPolicy retry, ExecutorService writers) {
        PipelineConfig config = clients.config();
        RecordApplier applier = new RecordApplier(
                new IndexWriter(clients.dynamoDb(), config.tagIndexTable(), config.mediaTable()),
                new IndexDeadLetters(clients.sqs(), config.indexDlq()), retry);
        this.core = new BatchApplier(applier, new IndexBatchWriter(clients.dynamoDb(), config.tagIndexTable(), retry),
                writers);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<Record> records = StreamRecords.toSdk(event);
        if (records.isEmpty()) {
            return new StreamsEventResponse(List.of());
        }
        try {
            // A mapping's batch may repeat records an earlier invocation applied (a retry, a bisected half).
            core.apply(records, record -> Ordering.MAY_BE_REPLAY);
            return new StreamsEventResponse(List.of());
        } catch (IllegalStateException e) {
            throw new UnappliedRecordsException(records.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnappliedRecordsException(records.get(0), e);
        }
    }
}
