package dev.mediapipeline.lambda.event;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.DynamodbEventTransformer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * DynamoDB stream records as a Lambda DynamoDB event carries them and as GetRecords returns them (SDK v2).
 * The handler converts with AWS's own transformer; the in-process event source mapping, which reads with
 * GetRecords, converts the other way here. An EventBridge Pipe hands a function the same records as a bare
 * JSON array; {@link #fromPipe} reads them into Lambda's event.
 */
public final class StreamRecords {

    /** What the Lambda runtime deserializes a {@link DynamodbEvent} with (attribute types, epoch seconds). */
    public static final PojoSerializer<DynamodbEvent> LAMBDA_JSON =
            LambdaEventSerializers.serializerFor(DynamodbEvent.class, StreamRecords.class.getClassLoader());

    private StreamRecords() {
    }

    public static List<Record> toSdk(DynamodbEvent event) {
        return DynamodbEventTransformer.toRecordsV2(event);
    }

    /** A Pipe's batch, a JSON array of stream records, read as the {@code Records} of a Lambda event. */
    public static DynamodbEvent fromPipe(InputStream batch) {
        return LAMBDA_JSON.fromJson(new SequenceInputStream(Collections.enumeration(List.of(utf8("{\"Records\":"),
                batch, utf8("}")))));
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    public static DynamodbEvent toLambda(List<Record> records, String streamArn) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records.stream().map(r -> toLambda(r, streamArn)).toList());
        return event;
    }

    static DynamodbEvent.DynamodbStreamRecord toLambda(Record record, String streamArn) {
        software.amazon.awssdk.services.dynamodb.model.StreamRecord change = record.dynamodb();
        StreamRecord lambda = new StreamRecord();
        if (change.approximateCreationDateTime() != null) {
            lambda.setApproximateCreationDateTime(Date.from(change.approximateCreationDateTime()));
        }
        lambda.setKeys(change.hasKeys() ? image(change.keys()) : null);
        lambda.setNewImage(change.hasNewImage() ? image(change.newImage()) : null);
        lambda.setOldImage(change.hasOldImage() ? image(change.oldImage()) : null);
        lambda.setSequenceNumber(change.sequenceNumber());
        lambda.setSizeBytes(change.sizeBytes());
        if (change.streamViewTypeAsString() != null) {
            lambda.setStreamViewType(StreamViewType.fromValue(change.streamViewTypeAsString()));
        }
        DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
        out.setEventID(record.eventID());
        out.setEventName(record.eventNameAsString());
        out.setEventVersion(record.eventVersion());
        out.setEventSource(record.eventSource());
        out.setAwsRegion(record.awsRegion());
        out.setEventSourceARN(streamArn);
        out.setDynamodb(lambda);
        return out;
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image(
            Map<String, AttributeValue> image) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out =
                new LinkedHashMap<>();
        image.forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (v.type()) {
            case S -> out.setS(v.s());
            case N -> out.setN(v.n());
            case B -> out.setB(bytes(v.b()));
            case SS -> out.setSS(v.ss());
            case NS -> out.setNS(v.ns());
            case BS -> out.setBS(v.bs().stream().map(StreamRecords::bytes).toList());
            case M -> out.setM(image(v.m()));
            case L -> out.setL(v.l().stream().map(StreamRecords::value).toList());
            case NUL -> out.setNULL(v.nul());
            case BOOL -> out.setBOOL(v.bool());
            default -> throw new IllegalArgumentException("attribute value of no known type: " + v);
        }
        return out;
    }

    private static ByteBuffer bytes(SdkBytes bytes) {
        return bytes.asByteBuffer();
    }
}
