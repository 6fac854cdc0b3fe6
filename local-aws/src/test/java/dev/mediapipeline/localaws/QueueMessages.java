package dev.mediapipeline.localaws;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Drains a queue's messages as JSON, deleting what it received. */
final class QueueMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    private final List<JsonNode> received = new ArrayList<>();

    QueueMessages(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Waits until the messages received so far include one matching {@code last}, and returns them all. */
    List<JsonNode> until(Predicate<JsonNode> last) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            receiveBatch();
            return received.stream().anyMatch(last);
        });
        List<JsonNode> all = List.copyOf(received);
        received.clear();
        return all;
    }

    /** Waits for exactly {@code count} messages (and briefly for any extra). */
    List<JsonNode> take(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            receiveBatch();
            return received.size() >= count;
        });
        List<JsonNode> all = List.copyOf(received);
        received.clear();
        return all;
    }

    private void receiveBatch() {
        for (Message message : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()) {
            try {
                received.add(MAPPER.readTree(message.body()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
    }

    static Predicate<JsonNode> eventFor(String eventName, String encodedKey) {
        return m -> m.has("Records") && m.at("/Records/0/eventName").asText().equals(eventName)
                && m.at("/Records/0/s3/object/key").asText().equals(encodedKey);
    }

    static JsonNode record(JsonNode message) {
        return message.at("/Records/0");
    }
}
