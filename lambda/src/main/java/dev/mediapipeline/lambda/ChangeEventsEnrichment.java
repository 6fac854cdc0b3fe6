package dev.mediapipeline.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.mediapipeline.events.change.ChangeEvents;
import dev.mediapipeline.lambda.event.StreamRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The enrichment of the CloudFormation template's EventBridge Pipe: a batch of UserMedia stream records in,
 * their change events out, mapped by {@link ChangeEvents} as {@code events} maps them. The Pipe puts each
 * event of the returned array on the bus as an event's {@code detail}. A record the mapper rejects (no
 * image: the stream is not NEW_AND_OLD_IMAGES) fails the batch, so that the Pipe retries it and parks it
 * on its dead-letter queue instead of dropping it.
 *
 * <p>A stream handler, because a Pipe passes a bare JSON array of records, which no Lambda event class
 * models; {@link StreamRecords#fromPipe} reads it with Lambda's own mapping of its DynamoDB event.
 */
public final class ChangeEventsEnrichment implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream batch, OutputStream out, Context context) throws IOException {
        DynamodbEvent event = StreamRecords.fromPipe(batch);
        List<Record> records = StreamRecords.toSdk(event);
        List<String> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ChangeEvents mapper = new ChangeEvents(event.getRecords().get(i).getEventSourceARN());
            events.add(ChangeEvents.json(mapper.map(records.get(i))));
        }
        out.write(("[" + String.join(",", events) + "]").getBytes(StandardCharsets.UTF_8));
    }
}
