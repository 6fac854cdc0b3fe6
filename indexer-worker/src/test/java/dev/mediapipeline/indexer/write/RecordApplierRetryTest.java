package dev.mediapipeline.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.dynamodbv2.streamsadapter.serialization.RecordObjectMapper;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.item.Sequencers;
import dev.mediapipeline.indexer.TestStack;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A stream record whose index writes fail: retried a bounded number of times, then parked whole on the
 * index DLQ, so the shard moves on. The embedded DynamoDB never throttles; the throttling comes from a test double
 * in front of a real client that fails the index puts of chosen media before they reach the table.
 */
class RecordApplierRetryTest {

    private static final RetryPolicy RETRY = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100));

    private static AwsClients clients;
    private static final Map<String, Integer> throttlesLeft = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private static DynamoDbClient throttled;
    private static RecordApplier applier;

    @BeforeAll
    static void start() {
        clients = TestStack.provisioned("applier-retry");
        var builder = clients.configure(DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        throttled = builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(new IndexPutThrottle()).build()).build();
        applier = new RecordApplier(
                new IndexWriter(throttled, clients.config().tagIndexTable()),
                new IndexDeadLetters(clients.sqs(), clients.config().indexDlq()), RETRY);
    }

    @AfterAll
    static void stop() {
        throttled.close();
        clients.close();
    }

    @Test
    void aThrottledIndexWriteIsRetriedAndLands_throttleFromATestDouble() throws Exception {
        throttlesLeft.put("retried.jpg", 2);

        assertThat(applier.apply(insert("retried.jpg", "sunny"))).isEqualTo(ApplyOutcome.APPLIED);

        assertThat(attempts.get("retried.jpg")).hasValue(3);
        assertThat(indexed("sunny", "retried.jpg")).isTrue();
    }

    @Test
    void aRecordThatKeepsFailingIsParkedWholeAfterTheBoundedAttempts_throttleFromATestDouble() throws Exception {
        throttlesLeft.put("parked.jpg", Integer.MAX_VALUE);
        Record record = insert("parked.jpg", "rainy");

        assertThat(applier.apply(record)).isEqualTo(ApplyOutcome.PARKED);

        assertThat(attempts.get("parked.jpg")).hasValue(RETRY.maxAttempts());
        assertThat(indexed("rainy", "parked.jpg")).isFalse();
        Message parked = await().atMost(Duration.ofSeconds(15)).until(() -> indexDeadLetters().stream()
                .filter(m -> m.body().contains("parked.jpg")).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(parked.messageAttributes().get("ErrorClass").stringValue()).isEqualTo("write-failed");
        assertThat(parked.messageAttributes().get("Error").stringValue())
                .contains("ProvisionedThroughputExceededException");
        Record back = new RecordObjectMapper().readValue(parked.body(), Record.class);
        assertThat(back.eventID()).isEqualTo(record.eventID());
        assertThat(back.dynamodb().keys()).isEqualTo(record.dynamodb().keys());
        assertThat(back.dynamodb().newImage()).isEqualTo(record.dynamodb().newImage());
    }

    /** Puts the UserMedia item and returns its INSERT record. */
    private static Record insert(String mediaId, String tag) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("UserId", AttributeValue.fromS("henry"));
        image.put("MediaId", AttributeValue.fromS(mediaId));
        image.put("S3Key", AttributeValue.fromS("users/henry/" + mediaId));
        image.put("Sequencer", AttributeValue.fromS("0A"));
        image.put("SequencerOrder", AttributeValue.fromS(Sequencers.order("0A")));
        image.put("Type", AttributeValue.fromS("image"));
        image.put("Tags", AttributeValue.fromSs(List.of(tag)));
        clients.dynamoDb().putItem(r -> r.tableName(clients.config().mediaTable()).item(image));
        return Record.builder().eventID("event-" + mediaId).eventName(OperationType.INSERT).eventSource("aws:dynamodb")
                .dynamodb(StreamRecord.builder().keys(Map.of("UserId", image.get("UserId"), "MediaId",
                        image.get("MediaId"))).newImage(image).sequenceNumber("100").build()).build();
    }

    private static boolean indexed(String tag, String mediaId) {
        return !clients.dynamoDb().getItem(r -> r.tableName(clients.config().tagIndexTable()).consistentRead(true)
                .key(Map.of("UserTag", AttributeValue.fromS("henry#" + tag), "MediaId", AttributeValue.fromS(mediaId))))
                .item().isEmpty();
    }

    private static List<Message> indexDeadLetters() {
        String url = clients.sqs().getQueueUrl(r -> r.queueName(clients.config().indexDlq())).queueUrl();
        return clients.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)
                .messageAttributeNames("All")).messages();
    }

    /** Fails the index puts of new tags (TransactWriteItems) of the media named in throttlesLeft, counting every attempt. */
    private static final class IndexPutThrottle implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
            if (!(context.request() instanceof TransactWriteItemsRequest request)
                    || request.transactItems().get(0).put() == null) {
                return;
            }
            String mediaId = request.transactItems().get(0).put().item().get("MediaId").s();
            attempts.computeIfAbsent(mediaId, m -> new AtomicInteger()).incrementAndGet();
            if (throttlesLeft.getOrDefault(mediaId, 0) > 0) {
                throttlesLeft.merge(mediaId, -1, Integer::sum);
                throw ProvisionedThroughputExceededException.builder().message("throttled (test double)")
                        .statusCode(400).awsErrorDetails(AwsErrorDetails.builder().serviceName("DynamoDb")
                                .errorCode("ProvisionedThroughputExceededException").build()).build();
            }
        }
    }
}
