package dev.mediapipeline.events.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.events.follow.Checkpoint;
import dev.mediapipeline.events.follow.StartingPoint;
import dev.mediapipeline.events.follow.StreamFollower;
import dev.mediapipeline.events.schema.Schemas;
import dev.mediapipeline.events.testing.SchemaValidator;
import dev.mediapipeline.events.testing.UserMediaItems;
import dev.mediapipeline.localaws.LocalAws;
import dev.mediapipeline.localaws.LocalAwsOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Stream records of real writes to UserMedia on the embedded stack, mapped to change events. */
class ChangeEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalAws stack;
    private static AwsClients clients;
    private static String streamArn;

    @BeforeAll
    static void writeCreateUpdateFailAndDelete() {
        stack = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort());
        clients = new AwsClients(PipelineConfig.defaults().withEndpoint(stack.endpoint()));
        new Provisioner(clients).provision();
        streamArn = StreamFollower.streamOf(clients.dynamoDb(), clients.config().mediaTable());
        UserMediaItems items = new UserMediaItems(clients);
        items.put("ada", "trip/beach.jpg", "2024-07-04T12:30:00+02:00");
        items.put("ada", "trip/beach.jpg", "2024-07-04T12:31:00+02:00");
        items.putFailed("ada", "broken.png");
        items.delete("ada", "trip/beach.jpg");
    }

    @AfterAll
    static void stop() {
        clients.close();
        stack.close();
    }

    @Test
    void eachWriteBecomesOneEventOfItsTypeAboutItsS3Key() throws Exception {
        List<JsonNode> events = events();

        assertThat(events).extracting(e -> e.get("type").asText() + " " + e.get("subject").asText()).containsExactly(
                "media.created users/ada/trip/beach.jpg",
                "media.updated users/ada/trip/beach.jpg",
                "media.failed users/ada/broken.png",
                "media.deleted users/ada/trip/beach.jpg");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("specversion").asText()).isEqualTo("1.0");
            assertThat(e.get("source").asText()).isEqualTo(streamArn);
            assertThat(e.get("dataschema").asText()).isEqualTo("urn:media-pipeline:schema:user-media:1");
            assertThat(e.get("userid").asText()).isEqualTo("ada");
        });
    }

    @Test
    void dataIsThePlainItemAndADeletionCarriesTheItemAsItWas() throws Exception {
        List<JsonNode> events = events();

        JsonNode updated = events.get(1).get("data");
        assertThat(updated.get("FileSize").isIntegralNumber()).isTrue();
        assertThat(updated.get("Tags")).extracting(JsonNode::asText).containsExactly("beach", "summer");
        assertThat(updated.get("TakenAt").asText()).isEqualTo("2024-07-04T12:31:00+02:00");
        assertThat(events.get(3).get("data")).isEqualTo(updated);
        assertThat(events.get(2).get("data").get("ErrorClass").asText()).isEqualTo("corrupt");
    }

    @Test
    void readingTheStreamAgainGivesTheSameIdsWhichAreTheRecordsEventIds() throws Exception {
        List<Record> records = records();

        assertThat(events()).extracting(e -> e.get("id").asText())
                .containsExactlyElementsOf(records.stream().map(Record::eventID).toList())
                .containsExactlyElementsOf(events().stream().map(e -> e.get("id").asText()).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void everyEventValidatesAgainstThePublishedChangeEventSchema() throws Exception {
        SchemaValidator schema = SchemaValidator.of(Schemas.CHANGE_EVENT, 1);

        for (JsonNode event : events()) {
            assertThat(schema.violations(event.toString())).as(event.toString()).isEmpty();
        }
        JsonNode broken = events().get(0).deepCopy();
        ((ObjectNode) broken.get("data")).put("FileSize", "2048");
        assertThat(schema.violations(broken.toString())).as("a retyped attribute is caught").isNotEmpty();
    }

    private static List<JsonNode> events() throws Exception {
        ChangeEvents mapper = new ChangeEvents(streamArn);
        List<JsonNode> events = new ArrayList<>();
        for (Record record : records()) {
            events.add(JSON.readTree(ChangeEvents.json(mapper.map(record))));
        }
        return events;
    }

    private static List<Record> records() throws InterruptedException {
        List<Record> records = new ArrayList<>();
        new StreamFollower(clients.dynamoDbStreams(), streamArn, StartingPoint.TRIM_HORIZON, Checkpoint.inMemory(),
                Duration.ofMillis(100)).run(records::add, false);
        return records;
    }
}
