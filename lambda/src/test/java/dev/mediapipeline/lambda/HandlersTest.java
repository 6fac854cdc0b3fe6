package dev.mediapipeline.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.mediapipeline.common.item.ItemAttributes;
import dev.mediapipeline.lambda.event.StreamRecords;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The handlers invoked with events the embedded stack produced: S3's notifications as an SQS event source
 * mapping hands them over, and the UserMedia stream's records as GetRecords returns them, in Lambda's
 * DynamoDB event shape. Each test has a user of its own.
 */
class HandlersTest {

    private static LambdaStack stack;

    @BeforeAll
    static void provision() {
        stack = LambdaStack.provision("handlers");
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    @Test
    void uploadsBecomeItemsAndAKeyOutsideTheLayoutIsDeadLetteredWithItsReason() {
        stack.upload("users/ingest-u/iphone", "Apple iPhone 6.jpg");
        stack.upload("users/ingest-u/paint", "mspaint-10x10.gif");
        stack.upload("strays/not-a-user.jpg", "mspaint-10x10.gif");

        SQSBatchResponse response = stack.ingestHandler().handleRequest(stack.event(stack.receive(stack.config().ingestQueue(), 3)), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(stack.item("ingest-u", "iphone")).get()
                .satisfies(i -> assertThat(i.get(ItemAttributes.STATUS).s()).isEqualTo(ItemAttributes.STATUS_READY));
        assertThat(stack.item("ingest-u", "paint")).isPresent();
        List<Message> letters = stack.receive(stack.config().ingestDlq(), 1);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.messageAttributes().get("ErrorClass").stringValue()).isEqualTo("invalid-key");
            assertThat(letter.messageAttributes().get("Error").stringValue()).contains("strays/not-a-user.jpg");
        });
    }

    @Test
    void aRedeliveredBatchChangesNothingAndIsReportedDone() {
        stack.upload("users/again-u/paint", "mspaint-10x10.gif");
        SQSEvent event = stack.event(stack.receive(stack.config().ingestQueue(), 1));
        assertThat(stack.ingestHandler().handleRequest(event, null).getBatchItemFailures()).isEmpty();
        String processedAt = stack.item("again-u", "paint").orElseThrow().get(ItemAttributes.PROCESSED_AT).s();

        assertThat(stack.ingestHandler().handleRequest(event, null).getBatchItemFailures()).isEmpty();

        assertThat(stack.item("again-u", "paint").orElseThrow().get(ItemAttributes.PROCESSED_AT).s())
                .isEqualTo(processedAt);
    }

    @Test
    void streamRecordsReadWithGetRecordsKeepTheTagIndexInStepWithTheItems() {
        stack.upload("users/index-u/iphone", "Apple iPhone 6.jpg", "beach", "phone");
        stack.upload("users/index-u/paint", "mspaint-10x10.gif", "beach", "drawing");
        stack.ingestHandler().handleRequest(stack.event(stack.receive(stack.config().ingestQueue(), 2)), null);
        assertThat(stack.tagsOfItems("index-u")).isNotEmpty();

        StreamsEventResponse response = stack.indexHandler().handleRequest(
                StreamRecords.toLambda(stack.streamRecords(), stack.streamArn()), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(stack.tagIndex("index-u")).isEqualTo(stack.tagsOfItems("index-u"));

        stack.delete("users/index-u/paint");
        stack.ingestHandler().handleRequest(stack.event(stack.receive(stack.config().ingestQueue(), 1)), null);
        await().atMost(LambdaStack.WAIT).until(() -> stack.item("index-u", "paint").isEmpty());
        stack.indexHandler().handleRequest(StreamRecords.toLambda(stack.streamRecords(), stack.streamArn()), null);

        assertThat(LambdaStack.ids(stack.tagIndex("index-u"))).containsExactly("iphone");
        assertThat(stack.tagIndex("index-u")).isEqualTo(stack.tagsOfItems("index-u"));
    }
}
