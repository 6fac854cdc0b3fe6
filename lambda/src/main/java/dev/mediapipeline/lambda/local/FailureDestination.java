package dev.mediapipeline.lambda.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A stream mapping's on-failure destination on SQS. Like Lambda, it sends the description of the records
 * given up on (an invocation record naming the shard and the sequence numbers), not the records: they stay
 * readable in the stream for 24 hours.
 */
public final class FailureDestination {

    /** Why a batch was given up on, in Lambda's words. */
    enum Condition { RetryAttemptsExhausted, RecordAgeExceeded }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    private final String functionArn;

    public FailureDestination(SqsClient sqs, String queueName, String functionArn) {
        this.sqs = sqs;
        this.queueUrl = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
        this.functionArn = functionArn;
    }

    void send(String streamArn, String shardId, List<Record> records, Condition condition, int invocations) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("requestContext")
                .put("requestId", UUID.randomUUID().toString())
                .put("functionArn", functionArn)
                .put("condition", condition.name())
                .put("approximateInvokeCount", invocations);
        body.putObject("responseContext")
                .put("statusCode", 200)
                .put("executedVersion", "$LATEST")
                .put("functionError", "Unhandled");
        body.put("version", "1.0");
        body.put("timestamp", Instant.now().toString());
        Record first = records.get(0);
        Record last = records.get(records.size() - 1);
        body.putObject("DDBStreamBatchInfo")
                .put("shardId", shardId)
                .put("startSequenceNumber", first.dynamodb().sequenceNumber())
                .put("endSequenceNumber", last.dynamodb().sequenceNumber())
                .put("approximateArrivalOfFirstRecord", String.valueOf(first.dynamodb().approximateCreationDateTime()))
                .put("approximateArrivalOfLastRecord", String.valueOf(last.dynamodb().approximateCreationDateTime()))
                .put("batchSize", records.size())
                .put("streamArn", streamArn);
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body.toString()));
    }
}
