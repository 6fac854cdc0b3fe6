package dev.mediapipeline.app.ops.deadletter;

import dev.mediapipeline.ingest.queue.DeadLetterReasons;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Inspects the ingest DLQ and moves its messages back. Redrive sends a copy of each message to the
 * ingest queue without its ErrorClass/Error attributes (a new failure gets a fresh reason) and deletes
 * it from the DLQ only once the copy is accepted: a crash in between duplicates a message, which the
 * sequencer-guarded writes make harmless, and never loses one.
 *
 * <p>A letter that fails again while the redrive runs comes straight back to the DLQ (poison is
 * dead-lettered at once). So that one redrive does not move it round and round, each copy carries the
 * attribute {@code RedriveId} with the id of this redrive, which the worker keeps when it
 * dead-letters the message again; letters that come back with it are left in the DLQ.
 *
 * <p>Letters whose reason is permanent ({@link DeadLetterReasons#PERMANENT}: a key outside the layout, a
 * body that is no S3 event) would fail the same way at once, so a redrive leaves them in the DLQ unless
 * forced.
 */
public final class DeadLetters {

    private static final int BATCH = 10;
    /** Long enough to copy a batch; if we die, the letters show up again after it. */
    private static final int HOLD_SECONDS = 30;
    /** Long polling asks every SQS server, so an empty answer means an empty queue, not an unlucky sample. */
    private static final int WAIT_SECONDS = 1;

    private final SqsClient sqs;
    private final String dlqUrl;
    private final String queueUrl;

    public DeadLetters(SqsClient sqs, String dlqUrl, String queueUrl) {
        this.sqs = sqs;
        this.dlqUrl = dlqUrl;
        this.queueUrl = queueUrl;
    }

    /** Up to {@code max} letters; they stay in the DLQ, visible again as soon as they have been read. */
    public List<DeadLetter> list(int max) {
        List<Message> held = new ArrayList<>();
        try {
            List<Message> batch;
            do {
                batch = receive(Math.min(BATCH, max - held.size()));
                held.addAll(batch);
            } while (!batch.isEmpty() && held.size() < max);
            return held.stream().map(DeadLetter::of).toList();
        } finally {
            release(held);
        }
    }

    /** What a redrive did: letters moved back, and letters left in the DLQ because they cannot succeed. */
    public record Redriven(int moved, int skipped) {
    }

    /**
     * Moves up to {@code max} letters back to the ingest queue; with {@code force} also those whose reason is
     * permanent, which are otherwise left where they are and counted as skipped.
     */
    public Redriven redrive(int max, boolean force) {
        String id = UUID.randomUUID().toString();
        List<Message> left = new ArrayList<>();
        int moved = 0;
        try {
            while (moved < max) {
                List<Message> batch = receive(Math.min(BATCH, max - moved));
                if (batch.isEmpty()) {
                    break;
                }
                List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
                for (Message m : batch) {
                    if (movedBy(m, id) || !force && permanent(m)) {
                        left.add(m);
                        continue;
                    }
                    Map<String, MessageAttributeValue> attributes = withoutReason(m.messageAttributes());
                    attributes.put(DeadLetterReasons.REDRIVE_ID,
                            MessageAttributeValue.builder().dataType("String").stringValue(id).build());
                    sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(m.body()).messageAttributes(attributes));
                    done.add(DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                            .receiptHandle(m.receiptHandle()).build());
                }
                if (!done.isEmpty()) {
                    sqs.deleteMessageBatch(r -> r.queueUrl(dlqUrl).entries(done));
                }
                moved += done.size();
            }
        } finally {
            release(left);
        }
        return new Redriven(moved, (int) left.stream().filter(m -> !movedBy(m, id)).count());
    }

    private static boolean movedBy(Message message, String redriveId) {
        MessageAttributeValue value = message.messageAttributes().get(DeadLetterReasons.REDRIVE_ID);
        return value != null && redriveId.equals(value.stringValue());
    }

    private static boolean permanent(Message message) {
        MessageAttributeValue reason = message.messageAttributes().get(DeadLetter.ERROR_CLASS);
        return reason != null && DeadLetterReasons.PERMANENT.contains(reason.stringValue());
    }

    private List<Message> receive(int max) {
        return sqs.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(max)
                .visibilityTimeout(HOLD_SECONDS).waitTimeSeconds(WAIT_SECONDS).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
    }

    private void release(List<Message> held) {
        for (int i = 0; i < held.size(); i += BATCH) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = held.subList(i, Math.min(i + BATCH, held.size()))
                    .stream().map(m -> ChangeMessageVisibilityBatchRequestEntry.builder().id(m.messageId())
                            .receiptHandle(m.receiptHandle()).visibilityTimeout(0).build()).toList();
            sqs.changeMessageVisibilityBatch(r -> r.queueUrl(dlqUrl).entries(entries));
        }
    }

    private static Map<String, MessageAttributeValue> withoutReason(Map<String, MessageAttributeValue> attributes) {
        Map<String, MessageAttributeValue> kept = new HashMap<>(attributes);
        kept.remove(DeadLetter.ERROR_CLASS);
        kept.remove(DeadLetter.ERROR);
        return kept;
    }
}
