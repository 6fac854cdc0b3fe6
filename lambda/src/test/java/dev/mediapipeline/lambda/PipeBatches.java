package dev.mediapipeline.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.lambda.event.StreamRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Stream records as an EventBridge Pipe hands them to its enrichment: the Records array of Lambda's JSON event. */
final class PipeBatches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PipeBatches() {
    }

    static byte[] of(List<Record> records, String streamArn) throws IOException {
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        StreamRecords.LAMBDA_JSON.toJson(StreamRecords.toLambda(records, streamArn), event);
        return JSON.writeValueAsBytes(JSON.readTree(event.toByteArray()).get("Records"));
    }
}
