package dev.mediapipeline.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.indexer.IndexerOptions;
import dev.mediapipeline.indexer.write.ApplyProgress;
import dev.mediapipeline.indexer.write.BatchApplier;
import dev.mediapipeline.indexer.write.RetryPolicy;
import dev.mediapipeline.lambda.event.StreamRecords;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The indexer's core behind a DynamoDB Streams event source mapping with {@code ReportBatchItemFailures}.
 * Records it cannot apply after the core's retries are parked on the index DLQ by the core, as in the
 * worker, and count as done. Only a record that could be neither applied nor parked stops the batch: the
 * response names it, so the mapping retries from there. When not even the batch's first record got
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
        this.core = BatchApplier.forPipeline(clients, retry, writers);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<Record> records = StreamRecords.toSdk(event);
        ApplyProgress progress = core.apply(records);
        if (progress.complete()) {
            return new StreamsEventResponse(List.of());
        }
        ApplyProgress.Unapplied first = progress.firstUnapplied().orElseThrow();
        if (progress.done().isEmpty()) {
            throw new UnappliedRecordsException(first.record(), first.cause());
        }
        return new StreamsEventResponse(List.of(
                new StreamsEventResponse.BatchItemFailure(first.record().dynamodb().sequenceNumber())));
    }
}
