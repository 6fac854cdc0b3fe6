package dev.mediapipeline.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.mediapipeline.common.item.ItemAttributes;
import dev.mediapipeline.common.item.Sequencers;
import dev.mediapipeline.lambda.event.StreamRecords;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A record the index handler can neither apply nor park, for real: its tag makes an index key longer than
 * DynamoDB allows, so every write fails, and this stack's index DLQ has been deleted, so parking fails too.
 * The response names it, the records before it are in the index; alone at the head of a batch, it fails the
 * invocation, which lets an event source mapping bisect.
 */
class UnparkableRecordTest {

    private static LambdaStack stack;

    @BeforeAll
    static void provision() {
        stack = LambdaStack.provision("unparkable");
        stack.clients().sqs().deleteQueue(r -> r.queueUrl(stack.url(stack.config().indexDlq())));
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    @Test
    void theResponseNamesTheFirstUnappliedRecordAndAFirstRecordThatFailsFailsTheInvocation() {
        put("before", "sunny");
        put("unparkable", "x".repeat(2100));
        put("after", "rainy");
        List<Record> records = stack.streamRecords();
        String unparkable = records.get(1).dynamodb().sequenceNumber();

        StreamsEventResponse response = stack.indexHandler().handleRequest(
                StreamRecords.toLambda(records, stack.streamArn()), null);

        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo(unparkable));
        assertThat(stack.tagIndex("u")).containsKey("sunny");
        assertThatThrownBy(() -> stack.indexHandler().handleRequest(
                StreamRecords.toLambda(records.subList(1, records.size()), stack.streamArn()), null))
                .isInstanceOf(UnappliedRecordsException.class).hasMessageContaining(unparkable);
    }

    private static void put(String mediaId, String tag) {
        String sequencer = "00000661A7997B20" + mediaId.length();
        stack.clients().dynamoDb().putItem(r -> r.tableName(stack.config().mediaTable()).item(Map.of(
                ItemAttributes.USER_ID, AttributeValue.fromS("u"),
                ItemAttributes.MEDIA_ID, AttributeValue.fromS(mediaId),
                ItemAttributes.SEQUENCER, AttributeValue.fromS(sequencer),
                ItemAttributes.SEQUENCER_ORDER, AttributeValue.fromS(Sequencers.order(sequencer)),
                ItemAttributes.TAGS, AttributeValue.fromSs(List.of(tag)))));
    }
}
