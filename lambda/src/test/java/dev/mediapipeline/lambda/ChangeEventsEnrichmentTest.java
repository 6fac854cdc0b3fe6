package dev.mediapipeline.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.common.item.ItemAttributes;
import dev.mediapipeline.events.change.ChangeEvents;
import dev.mediapipeline.events.schema.Schemas;
import dev.mediapipeline.events.testing.SchemaValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The Pipe enrichment invoked with the UserMedia stream's own records, read with GetRecords and written as
 * the JSON array a Pipe passes (Lambda's JSON of its DynamoDB event records), for each kind of change.
 */
class ChangeEventsEnrichmentTest {

    private static final String USER = "enrich-u";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LambdaStack stack;

    @BeforeAll
    static void provision() {
        stack = LambdaStack.provision("enrich");
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    @Test
    void aPipeBatchBecomesTheMappersChangeEventsEachValidAgainstTheChangeEventSchema() throws IOException {
        stack.upload("users/" + USER + "/paint", "mspaint-10x10.gif", "beach");
        stack.clients().s3().putObject(r -> r.bucket(stack.config().bucket()).key("users/" + USER + "/empty.jpg"),
                RequestBody.empty());
        ingest(2);
        stack.upload("users/" + USER + "/paint", "Apple iPhone 6.jpg", "beach");
        ingest(1);
        stack.delete("users/" + USER + "/paint");
        ingest(1);
        await().atMost(LambdaStack.WAIT).until(() -> stack.item(USER, "paint").isEmpty());
        List<Record> records = stack.streamRecords().stream()
                .filter(r -> USER.equals(r.dynamodb().keys().get(ItemAttributes.USER_ID).s())).toList();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ChangeEventsEnrichment().handleRequest(new ByteArrayInputStream(PipeBatches.of(records, stack.streamArn())),
                out, null);

        List<JsonNode> enriched = StreamSupport.stream(JSON.readTree(out.toByteArray()).spliterator(), false).toList();
        ChangeEvents mapper = new ChangeEvents(stack.streamArn());
        assertThat(enriched).containsExactlyElementsOf(records.stream().map(r -> json(mapper, r)).toList());
        assertThat(enriched).extracting(e -> e.get("type").asText())
                .containsExactlyInAnyOrder("media.created", "media.failed", "media.updated", "media.deleted");
        SchemaValidator schema = SchemaValidator.of(Schemas.CHANGE_EVENT, 1);
        assertThat(enriched).allSatisfy(e -> assertThat(schema.violations(e.toString())).as(e.toString()).isEmpty());
    }

    private static void ingest(int uploads) {
        stack.ingestHandler().handleRequest(stack.event(stack.receive(stack.config().ingestQueue(), uploads)), null);
    }

    private static JsonNode json(ChangeEvents mapper, Record record) {
        try {
            return JSON.readTree(ChangeEvents.json(mapper.map(record)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
