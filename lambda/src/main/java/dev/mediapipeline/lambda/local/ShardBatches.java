package dev.mediapipeline.lambda.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.mediapipeline.lambda.event.StreamRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Delivers one shard's batches to the handler the way a DynamoDB Streams event source mapping does. A
 * response naming a record ({@code ReportBatchItemFailures}) means the records before it are done and the
 * batch is retried from it. A function error retries the whole batch or, with
 * {@code BisectBatchOnFunctionError}, splits it in two halves tried one after the other (a split does not
 * count as a retry). A batch retried more than {@code MaximumRetryAttempts} times, or whose oldest record
 * is older than {@code MaximumRecordAgeInSeconds}, goes to the on-failure destination, and the shard moves on.
 */
final class ShardBatches {

    private static final Logger LOG = LoggerFactory.getLogger(ShardBatches.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;
    private final StreamMappingSettings settings;
    private final FailureDestination onFailure;
    private final String streamArn;
    private final String shardId;

    ShardBatches(RequestHandler<DynamodbEvent, StreamsEventResponse> handler, StreamMappingSettings settings,
                 FailureDestination onFailure, String streamArn, String shardId) {
        this.handler = handler;
        this.settings = settings;
        this.onFailure = onFailure;
        this.streamArn = streamArn;
        this.shardId = shardId;
    }

    /** Returns once every record of the batch is done or handed to the on-failure destination. */
    void deliver(List<Record> batch) throws InterruptedException {
        Deque<List<Record>> pending = new ArrayDeque<>();
        pending.push(batch);
        while (!pending.isEmpty()) {
            List<Record> current = pending.pop();
            int invocations = 0;
            while (!current.isEmpty()) {
                if (settings.tooOld(age(current.get(0)))) {
                    giveUp(current, FailureDestination.Condition.RecordAgeExceeded, invocations);
                    break;
                }
                invocations++;
                int failedAt = invoke(current);
                if (failedAt == current.size()) {
                    break;
                }
                boolean functionError = failedAt < 0;
                current = current.subList(Math.max(failedAt, 0), current.size());
                if (functionError && settings.bisectBatchOnFunctionError() && current.size() > 1) {
                    int half = current.size() / 2;
                    pending.push(current.subList(half, current.size()));
                    pending.push(current.subList(0, half));
                    break;
                }
                if (invocations > settings.maximumRetryAttempts()) {
                    giveUp(current, FailureDestination.Condition.RetryAttemptsExhausted, invocations);
                    break;
                }
                Thread.sleep(backoff(invocations).toMillis());
            }
        }
    }

    /** @return how many leading records are done: all of them, up to the one the response names, or -1 on a function error */
    private int invoke(List<Record> records) {
        StreamsEventResponse response;
        try {
            response = handler.handleRequest(StreamRecords.toLambda(records, streamArn), new LocalContext("index"));
        } catch (RuntimeException e) {
            LOG.warn("Index handler failed on {} record(s) of shard {} from {}: {}", records.size(), shardId,
                    records.get(0).dynamodb().sequenceNumber(), e.toString());
            return -1;
        }
        if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return records.size();
        }
        // Like Lambda, retry from the lowest sequence number named; a name not in the batch fails it whole.
        return response.getBatchItemFailures().stream()
                .mapToInt(f -> IntStream.range(0, records.size())
                        .filter(i -> records.get(i).dynamodb().sequenceNumber().equals(f.getItemIdentifier()))
                        .findFirst().orElse(0))
                .min().orElse(0);
    }

    private void giveUp(List<Record> records, FailureDestination.Condition condition, int invocations) {
        LOG.warn("Giving up on {} record(s) of shard {} from {} ({}); described on the on-failure destination",
                records.size(), shardId, records.get(0).dynamodb().sequenceNumber(), condition);
        onFailure.send(streamArn, shardId, records, condition, invocations);
    }

    private static Duration age(Record record) {
        Instant created = record.dynamodb().approximateCreationDateTime();
        return created == null ? Duration.ZERO : Duration.between(created, Instant.now());
    }

    private static Duration backoff(int invocations) {
        Duration pause = FIRST_BACKOFF.multipliedBy(1L << Math.min(invocations - 1, 10));
        return pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
    }
}
