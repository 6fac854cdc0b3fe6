package dev.mediapipeline.events.change;

import static dev.mediapipeline.common.item.ItemAttributes.S3_KEY;
import static dev.mediapipeline.common.item.ItemAttributes.SCHEMA_VERSION;
import static dev.mediapipeline.common.item.ItemAttributes.SCHEMA_VERSION_ATTRIBUTE;
import static dev.mediapipeline.common.item.ItemAttributes.STATUS;
import static dev.mediapipeline.common.item.ItemAttributes.STATUS_FAILED;
import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.events.item.ItemJson;
import dev.mediapipeline.events.schema.Schemas;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * The one mapping from a UserMedia stream record to its change event (CloudEvents 1.0). Everything that
 * shows change events uses it: {@code events}, the example consumer, the contract tests, and the enrichment
 * function of the CloudFormation template's EventBridge Pipe.
 *
 * <p>{@code id} is the record's eventID, which DynamoDB keeps with the record: reading the stream again
 * gives the same ids, so a consumer can drop what it has seen. {@code data} is the new item, or for
 * {@code media.deleted} the item as it was.
 */
public final class ChangeEvents {

    public static final String USER_ID_EXTENSION = "userid";
    public static final String SEQUENCE_EXTENSION = "streamsequence";
    private static final EventFormat JSON_FORMAT = new JsonFormat();

    private final URI source;

    /** @param streamArn the UserMedia stream's ARN, the events' {@code source} */
    public ChangeEvents(String streamArn) {
        this.source = URI.create(streamArn);
    }

    public CloudEvent map(Record record) {
        StreamRecord change = record.dynamodb();
        boolean removed = record.eventName() == OperationType.REMOVE;
        Map<String, AttributeValue> item = removed ? change.oldImage() : change.newImage();
        if (item == null || item.isEmpty()) {
            throw new IllegalArgumentException("stream record " + record.eventID() + " has no "
                    + (removed ? "OldImage" : "NewImage") + ": the UserMedia stream must be NEW_AND_OLD_IMAGES");
        }
        ObjectNode data = ItemJson.of(item);
        return CloudEventBuilder.v1()
                .withId(record.eventID())
                .withSource(source)
                .withType(type(record.eventName(), item).type())
                .withSubject(data.path(S3_KEY).asText())
                .withTime(change.approximateCreationDateTime().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(URI.create(Schemas.id(Schemas.USER_MEDIA,
                        data.path(SCHEMA_VERSION_ATTRIBUTE).asInt(SCHEMA_VERSION))))
                .withExtension(USER_ID_EXTENSION, data.path(USER_ID).asText())
                .withExtension(SEQUENCE_EXTENSION, change.sequenceNumber())
                .withData(JsonCloudEventData.wrap(data))
                .build();
    }

    /** The event in CloudEvents' JSON format, on one line. */
    public static String json(CloudEvent event) {
        return new String(JSON_FORMAT.serialize(event), StandardCharsets.UTF_8);
    }

    public static ChangeType typeOf(CloudEvent event) {
        return ChangeType.parse(event.getType()).orElseThrow();
    }

    private static ChangeType type(OperationType operation, Map<String, AttributeValue> item) {
        if (operation == OperationType.REMOVE) {
            return ChangeType.DELETED;
        }
        AttributeValue status = item.get(STATUS);
        if (status != null && STATUS_FAILED.equals(status.s())) {
            return ChangeType.FAILED;
        }
        return operation == OperationType.INSERT ? ChangeType.CREATED : ChangeType.UPDATED;
    }
}
