package dev.mediapipeline.indexer.redrive;

import com.amazonaws.services.dynamodbv2.streamsadapter.serialization.RecordObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.indexer.write.ApplyOutcome;
import dev.mediapipeline.indexer.write.IndexDeadLetters;
import dev.mediapipeline.indexer.write.IndexWriter;
import dev.mediapipeline.indexer.write.RecordApplier;
import dev.mediapipeline.indexer.write.RetryPolicy;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Takes the records parked on the index DLQ and re-projects each one's UserMedia item as the table holds
 * it now, instead of applying the old record again: a parked record can be days old, and the item's
 * current state is what the index must show. Every tag the item carries is written (a lost put is
 * repaired, though later records skipped that unchanged tag), and the tags of the parked images that it no
 * longer carries are removed. The writes are fenced like every index write, so a redrive racing the live
 * indexer cannot take the index backwards.
 *
 * <p>A record that fails again is parked again (a new letter) and its old letter deleted; a letter that is
 * not a stream record is left where it is.
 */
public final class IndexRedrive {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRedrive.class);
    private static final int VISIBILITY_SECONDS = 60;

    private final AwsClients clients;
    private final RecordApplier applier;
    private final ObjectMapper json = new RecordObjectMapper();

    public IndexRedrive(AwsClients clients) {
        this.clients = clients;
        PipelineConfig config = clients.config();
        this.applier = new RecordApplier(new IndexWriter(clients.dynamoDb(), config.tagIndexTable()),
                new IndexDeadLetters(clients.sqs(), config.indexDlq()), RetryPolicy.defaults());
    }

    /** What a redrive did. */
    public record Result(int repaired, int parkedAgain, int unreadable) {
    }

    /**
     * @param max at most this many letters are taken
     * @throws InterruptedException if interrupted during a write's backoff; the letter stays in the DLQ
     */
    public Result redrive(int max) throws InterruptedException {
        String dlq = clients.sqs().getQueueUrl(r -> r.queueName(clients.config().indexDlq())).queueUrl();
        int repaired = 0;
        int parkedAgain = 0;
        int unreadable = 0;
        while (repaired + parkedAgain + unreadable < max) {
            int room = Math.min(10, max - repaired - parkedAgain - unreadable);
            List<Message> letters = clients.sqs().receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(room)
                    .visibilityTimeout(VISIBILITY_SECONDS).waitTimeSeconds(1)).messages();
            if (letters.isEmpty()) {
                break;
            }
            for (Message letter : letters) {
                Record record;
                try {
                    record = json.readValue(letter.body(), Record.class);
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    LOG.warn("Index dead letter {} is not a stream record; left in the DLQ: {}", letter.messageId(),
                            e.toString());
                    unreadable++;
                    continue;
                }
                if (applier.reproject(record, current(record)) == ApplyOutcome.APPLIED) {
                    repaired++;
                } else {
                    parkedAgain++;
                }
                clients.sqs().deleteMessage(r -> r.queueUrl(dlq).receiptHandle(letter.receiptHandle()));
            }
        }
        return new Result(repaired, parkedAgain, unreadable);
    }

    /** The record's UserMedia item now; null if it is gone. */
    private Map<String, AttributeValue> current(Record record) {
        Map<String, AttributeValue> item = clients.dynamoDb().getItem(r -> r.tableName(clients.config().mediaTable())
                .consistentRead(true).key(record.dynamodb().keys())).item();
        return item == null || item.isEmpty() ? null : item;
    }
}
