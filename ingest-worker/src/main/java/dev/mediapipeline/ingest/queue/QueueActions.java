package dev.mediapipeline.ingest.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.common.aws.SqsAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The SQS calls a worker makes on messages it holds. */
final class QueueActions {

    private static final int BATCH = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    private final String dlqUrl;

    QueueActions(SqsClient sqs, String queueUrl, String dlqUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.dlqUrl = dlqUrl;
    }

    String queueUrl() {
        return queueUrl;
    }

    DeleteBatcher deleteBatcher(String threadName) {
        return new DeleteBatcher(sqs, queueUrl, threadName);
    }

    /** Copies the message to the DLQ with its reason; the caller then deletes it from the main queue. */
    void deadLetter(Message message, String errorClass, String error) {
        Map<String, MessageAttributeValue> attributes = new java.util.HashMap<>(message.messageAttributes());
        attributes.put("ErrorClass", SqsAttributes.text(errorClass));
        attributes.put("Error", SqsAttributes.text(error.length() > 1024 ? error.substring(0, 1024) : error));
        sqs.sendMessage(r -> r.queueUrl(dlqUrl).messageBody(message.body()).messageAttributes(attributes));
    }

    /** Hands the message back now, or after a backoff, instead of after the full visibility timeout. */
    void release(String receipt, Duration after) {
        sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(receipt)
                .visibilityTimeout((int) after.toSeconds()));
    }

    /**
     * The queue's maxReceiveCount from its redrive policy: the delivery on which a failing message must be
     * dead-lettered by us, with its reason, rather than moved silently by SQS on the next receive.
     */
    OptionalInt maxReceiveCount() {
        String policy = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);
        if (policy == null || policy.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            // SQS documents a number; many tools (and our provisioner) write it as a string
            int count = JSON.readTree(policy).path("maxReceiveCount").asInt(0);
            return count > 0 ? OptionalInt.of(count) : OptionalInt.empty();
        } catch (JsonProcessingException e) {
            return OptionalInt.empty();
        }
    }

    void extend(List<String> receipts, Duration visibility) {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < receipts.size(); i++) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("m" + i).receiptHandle(receipts.get(i))
                    .visibilityTimeout((int) visibility.toSeconds()).build());
        }
        for (int i = 0; i < entries.size(); i += BATCH) {
            List<ChangeMessageVisibilityBatchRequestEntry> batch = entries.subList(i, Math.min(i + BATCH, entries.size()));
            sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(batch));
        }
    }
}
