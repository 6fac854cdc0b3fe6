package dev.mediapipeline.lambda.event;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * SQS messages as a Lambda SQS event carries them and as the SDK receives them: the handler turns the
 * event's into the SDK's shape the worker's core reads, the in-process event source mapping the other way.
 */
public final class SqsMessages {

    private SqsMessages() {
    }

    public static Message toSdk(SQSEvent.SQSMessage message) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        if (message.getMessageAttributes() != null) {
            message.getMessageAttributes().forEach((name, value) -> attributes.put(name, MessageAttributeValue.builder()
                    .dataType(value.getDataType())
                    .stringValue(value.getStringValue())
                    .binaryValue(value.getBinaryValue() == null ? null : SdkBytes.fromByteBuffer(value.getBinaryValue()))
                    .build()));
        }
        return Message.builder()
                .messageId(message.getMessageId())
                .receiptHandle(message.getReceiptHandle())
                .body(message.getBody())
                .md5OfBody(message.getMd5OfBody())
                .attributesWithStrings(message.getAttributes() == null ? Map.of() : message.getAttributes())
                .messageAttributes(attributes)
                .build();
    }

    public static SQSEvent.SQSMessage toLambda(Message message, String queueArn, String region) {
        SQSEvent.SQSMessage lambda = new SQSEvent.SQSMessage();
        lambda.setMessageId(message.messageId());
        lambda.setReceiptHandle(message.receiptHandle());
        lambda.setBody(message.body());
        lambda.setMd5OfBody(message.md5OfBody());
        lambda.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        lambda.setAttributes(new HashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> {
            SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            attribute.setBinaryValue(value.binaryValue() == null ? null : value.binaryValue().asByteBuffer());
            attributes.put(name, attribute);
        });
        lambda.setMessageAttributes(attributes);
        lambda.setEventSource("aws:sqs");
        lambda.setEventSourceArn(queueArn);
        lambda.setAwsRegion(region);
        return lambda;
    }
}
