package dev.mediapipeline.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.lambda.local.FailureDestination;
import dev.mediapipeline.lambda.local.SqsEventSource;
import dev.mediapipeline.lambda.local.StreamEventSource;
import dev.mediapipeline.lambda.local.StreamMappingSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The in-process event source mappings driving the real handlers over the embedded stack: SQS batches with
 * partial batch failures, and stream batches with bisect on function error, retry limit and on-failure
 * destination.
 */
class EventSourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LambdaStack stack;

    @BeforeAll
    static void provision() {
        stack = LambdaStack.provision("sources");
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    @Test
    void aMessageTheHandlerReportsFailedComesBackWhileTheRestOfTheBatchIsDeleted() {
        stack.upload("users/partial-u/first", "mspaint-10x10.gif");
        stack.upload("users/partial-u/second", "mspaint-10x10.gif");
        List<Map<String, String>> deliveries = new CopyOnWriteArrayList<>();
        // Reports every first delivery of "first" as failed, as the ingest handler does a transient failure.
        RequestHandler<SQSEvent, SQSBatchResponse> failingFirstOnce = (event, context) -> {
            SQSBatchResponse response = stack.ingestHandler().handleRequest(event, context);
            // S3's test event, sent when the notification was configured, is not one of the uploads
            event.getRecords().stream().filter(m -> m.getBody().contains("partial-u"))
                    .forEach(m -> deliveries.add(Map.of("key", m.getBody().contains("first") ? "first" : "second",
                            "receives", m.getAttributes().get("ApproximateReceiveCount"))));
            event.getRecords().stream()
                    .filter(m -> m.getBody().contains("first") && "1".equals(m.getAttributes().get("ApproximateReceiveCount")))
                    .forEach(m -> response.getBatchItemFailures().add(new SQSBatchResponse.BatchItemFailure(m.getMessageId())));
            return response;
        };
        stack.clients().sqs().setQueueAttributes(r -> r.queueUrl(stack.url(stack.config().ingestQueue()))
                .attributesWithStrings(Map.of("VisibilityTimeout", "10")));

        try (SqsEventSource source = new SqsEventSource(stack.clients().sqs(), stack.config().ingestQueue(),
                stack.config().region(), failingFirstOnce, 10, 2)) {
            source.start();
            await().atMost(LambdaStack.WAIT).until(() -> stack.messages(stack.config().ingestQueue()) == 0
                    && deliveries.size() == 3);
        }

        assertThat(deliveries).containsExactlyInAnyOrder(Map.of("key", "first", "receives", "1"),
                Map.of("key", "first", "receives", "2"), Map.of("key", "second", "receives", "1"));
        assertThat(stack.item("partial-u", "first")).isPresent();
        assertThat(stack.item("partial-u", "second")).isPresent();
    }

    @Test
    void aRecordThatCrashesTheHandler_simulatedFault_isBisectedDownToItselfAndSentToTheFailureDestinationWhileItsNeighboursAreIndexed()
            throws Exception {
        List<String> media = List.of("m1", "m2", "m3", "poison", "m5", "m6", "m7", "m8");
        for (String id : media) {
            stack.upload("users/bisect-u/" + id, "mspaint-10x10.gif", "tag-" + id);
        }
        stack.ingestHandler().handleRequest(stack.event(stack.receive(stack.config().ingestQueue(), media.size())), null);
        await().atMost(LambdaStack.WAIT).until(() -> stack.tagsOfItems("bisect-u").size() == media.size());
        // No fault the embedded stack can cause makes the handler itself fail on one record; this one does.
        List<Integer> batchesWithThePoison = new CopyOnWriteArrayList<>();
        RequestHandler<DynamodbEvent, StreamsEventResponse> crashingOnThePoison = (event, context) -> {
            if (event.getRecords().stream().anyMatch(r -> r.getDynamodb().getKeys().get("MediaId").getS().equals("poison"))) {
                batchesWithThePoison.add(event.getRecords().size());
                throw new IllegalStateException("simulated crash on the poison record");
            }
            return stack.indexHandler().handleRequest(event, context);
        };
        int retries = 2;
        StreamMappingSettings settings = StreamMappingSettings.asDeployed().withRetries(retries);
        try (StreamEventSource source = new StreamEventSource(stack.clients().dynamoDbStreams(), stack.streamArn(),
                crashingOnThePoison, settings, new FailureDestination(stack.clients().sqs(), stack.config().indexDlq(),
                "arn:aws:lambda:us-east-1:000000000000:function:index"))) {
            source.start();
            await().atMost(LambdaStack.WAIT).until(() -> stack.tagIndex("bisect-u").keySet().size() == media.size() - 1);
            List<Message> parked = stack.receive(stack.config().indexDlq(), 1);

            JsonNode batch = JSON.readTree(parked.get(0).body()).path("DDBStreamBatchInfo");
            assertThat(batch.path("batchSize").asInt()).isEqualTo(1);
            assertThat(batch.path("startSequenceNumber").asText()).isEqualTo(batch.path("endSequenceNumber").asText())
                    .isEqualTo(stack.streamRecords().stream()
                            .filter(r -> r.dynamodb().keys().get("MediaId").s().equals("poison"))
                            .findFirst().orElseThrow().dynamodb().sequenceNumber());
            assertThat(JSON.readTree(parked.get(0).body()).path("requestContext").path("condition").asText())
                    .isEqualTo("RetryAttemptsExhausted");
        }
        // From the whole stream so far (other tests' records too) halved down to the poison alone, then retried.
        assertThat(batchesWithThePoison.get(0)).isGreaterThanOrEqualTo(media.size());
        assertThat(batchesWithThePoison).isSortedAccordingTo((a, b) -> b - a)
                .endsWith(java.util.Collections.nCopies(retries + 1, 1).toArray(Integer[]::new));
        assertThat(batchesWithThePoison.stream().filter(size -> size == 1)).hasSize(retries + 1);
        assertThat(stack.tagIndex("bisect-u").keySet()).isEqualTo(Set.of("tag-m1", "tag-m2", "tag-m3", "tag-m5",
                "tag-m6", "tag-m7", "tag-m8"));
    }
}
