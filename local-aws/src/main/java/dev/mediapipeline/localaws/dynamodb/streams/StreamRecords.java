package dev.mediapipeline.localaws.dynamodb.streams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.Map;
import java.util.UUID;

/**
 * Builds a stream record as GetRecords returns it. The record is built once, when the change happens,
 * because what it holds depends on the view type the stream had then.
 */
final class StreamRecords {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StreamRecords() {
    }

    static ObjectNode build(StreamState stream, ItemChange change, long sequence, long now) {
        ObjectNode record = JSON.objectNode();
        // DynamoDB's event ids are 32 hex digits.
        record.put("eventID", UUID.randomUUID().toString().replace("-", ""));
        record.put("eventName", change.oldImage() == null ? "INSERT" : change.newImage() == null ? "REMOVE" : "MODIFY");
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", stream.region());
        record.set("dynamodb", streamRecord(stream.viewType(), change, sequence, now));
        if (change.byTimeToLive()) {
            // The API's Identity shape capitalises its members; only Lambda's event form writes them lower-case.
            ObjectNode identity = record.putObject("userIdentity");
            identity.put("PrincipalId", "dynamodb.amazonaws.com");
            identity.put("Type", "Service");
        }
        return record;
    }

    private static ObjectNode streamRecord(String viewType, ItemChange change, long sequence, long now) {
        ObjectNode body = JSON.objectNode();
        // Epoch seconds, rounded down to the second as the API reference says DynamoDB does.
        body.put("ApproximateCreationDateTime", Math.floorDiv(now, 1000L));
        body.set("Keys", ValueJson.writeItem(change.keys()));
        int size = Value.itemSize(change.keys());
        if (viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES")) {
            size += image(body, "NewImage", change.newImage());
        }
        if (viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES")) {
            size += image(body, "OldImage", change.oldImage());
        }
        body.put("SequenceNumber", SequenceNumbers.format(sequence));
        body.put("SizeBytes", size);
        body.put("StreamViewType", viewType);
        return body;
    }

    /** Adds an image when the change has it; answers its size. */
    private static int image(ObjectNode body, String field, Map<String, Value> image) {
        if (image == null) {
            return 0;
        }
        body.set(field, ValueJson.writeItem(image));
        return Value.itemSize(image);
    }
}
