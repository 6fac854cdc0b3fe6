package dev.mediapipeline.indexer.write;

import com.amazonaws.services.dynamodbv2.streamsadapter.serialization.RecordObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.common.aws.SqsAttributes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Parks a stream record the indexer gave up on in the index DLQ: the body is the stream record as JSON
 * (the adapter's own format, readable back with its RecordObjectMapper), the attributes say why.
 */
public final class IndexDeadLetters {

    public static final String ERROR_CLASS = "ErrorClass";
    public static final String ERROR = "Error";
    /** Set when the images had to be left out to fit SQS's message limit; the keys still identify the item. */
    public static final String IMAGES_OMITTED = "ImagesOmitted";

    static final int MAX_BODY_BYTES = 256 * 1024 - 8 * 1024;
    private static final int MAX_ERROR_CHARS = 1024;

    private final ObjectMapper json = new RecordObjectMapper();
    private final SqsClient sqs;
    private final String queueName;
    private volatile String queueUrl;

    public IndexDeadLetters(SqsClient sqs, String queueName) {
        this.sqs = sqs;
        this.queueName = queueName;
    }

    public void park(Record record, String errorClass, String error) {
        String body = toJson(record);
        boolean omitted = body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES;
        if (omitted) {
            body = toJson(record.toBuilder().dynamodb(record.dynamodb().toBuilder()
                    .oldImage(null).newImage(null).build()).build());
        }
        String messageBody = body;
        Map<String, MessageAttributeValue> attributes = Map.of(
                ERROR_CLASS, SqsAttributes.text(errorClass),
                ERROR, SqsAttributes.text(error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error),
                IMAGES_OMITTED, SqsAttributes.text(String.valueOf(omitted)));
        sqs.sendMessage(r -> r.queueUrl(queueUrl()).messageBody(messageBody).messageAttributes(attributes));
    }

    private String queueUrl() {
        String url = queueUrl;
        if (url == null) {
            url = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
            queueUrl = url;
        }
        return url;
    }

    private String toJson(Record record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stream record not serialisable", e);
        }
    }

}
