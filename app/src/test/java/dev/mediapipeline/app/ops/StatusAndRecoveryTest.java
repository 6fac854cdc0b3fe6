package dev.mediapipeline.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.ingest.handle.ItemAssembler;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The operator's CLI on a damaged pipeline: items deleted behind its back and a dead letter parked. status
 * shows it, dlq list names it, dlq redrive and backfill repair it.
 */
@ExtendWith(OpsStack.Resolver.class)
class StatusAndRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void statusShowsTheDeadLetterRedriveEmptiesTheDlqAndBackfillRestoresEveryMissingItem(OpsStack stack)
            throws Exception {
        String user = OpsStack.user("recover");
        List<String> media = List.of("one.png", "two.jpg", "three.png");
        for (int i = 0; i < media.size(); i++) {
            stack.put("users/" + user + "/" + media.get(i),
                    OpsStack.image(media.get(i).endsWith(".jpg") ? "jpg" : "png", 10 + i));
        }
        media.forEach(m -> stack.awaitItem(user, m));
        stack.loseItemAndDeadLetterItsEvent(user, "one.png", "timeout");
        for (String m : media.subList(1, 3)) {
            stack.clients.dynamoDb().deleteItem(r -> r.tableName(stack.config.mediaTable()).key(OpsStack.key(user, m)));
        }

        OpsStack.Cli status = stack.cli("status");
        assertThat(status.exitCode()).isZero();
        assertThat(count(status.out(), "ingest", "media-ingest")).isNotNegative();
        assertThat(count(status.out(), "dlq", "media-ingest-dlq")).isPositive();
        JsonNode json = JSON.readTree(stack.cli("status", "--json").out());
        assertThat(queue(json, "ingest").path("visible").isIntegralNumber()).isTrue();
        assertThat(queue(json, "dlq").path("visible").asLong()).isPositive();
        assertThat(json.path("tables").get(0).path("items").isIntegralNumber()).isTrue();

        OpsStack.Cli list = stack.cli("dlq", "list");
        assertThat(list.out()).containsPattern("timeout\\s+users/" + user + "/one.png\\s+gave up on one.png");

        OpsStack.Cli redrive = stack.cli("dlq", "redrive");
        assertThat(redrive.exitCode()).isZero();
        assertThat(redrive.out()).containsPattern("Redrove [1-9]\\d* message\\(s\\) from media-ingest-dlq to media-ingest");
        assertThat(stack.cli("dlq", "list").out()).doesNotContain(user);
        stack.awaitItem(user, "one.png");

        OpsStack.Cli backfill = stack.cli("backfill", "--prefix", "users/" + user + "/", "--rate", "1000");
        assertThat(backfill.exitCode()).isZero();
        assertThat(backfill.out()).contains("3 object(s) listed; 2 missing, 0 outdated")
                .contains("1 up to date").contains("2 event(s) enqueued to media-ingest");
        assertThat(backfill.err()).contains("backfill [").contains("100%");
        media.forEach(m -> assertThat(stack.awaitItem(user, m).get("Status").s()).isEqualTo("READY"));

        OpsStack.Cli again = stack.cli("backfill", "--prefix", "users/" + user + "/", "--dry-run");
        assertThat(again.out()).contains("(dry run)").contains("0 missing").contains("3 up to date")
                .contains("0 event(s) would be enqueued");
    }

    @Test
    void anUploadOutsideTheLayoutIsADeadLetterThatRedriveLeavesAloneUnlessForcedAndThatCountsOnce(OpsStack stack)
            throws Exception {
        String key = "users/" + OpsStack.user("al ice") + "/x.png";
        long deadLettered = summaryTotal(stack, "deadLettered");
        stack.put(key, OpsStack.image("png", 30));

        await().atMost(OpsStack.ITEM_WAIT).untilAsserted(() -> assertThat(stack.cli("dlq", "list").out())
                .contains("invalid-key").contains(key + " ").contains("[A-Za-z0-9_-]{1,128}: " + key));
        await().atMost(OpsStack.ITEM_WAIT).until(() -> summaryTotal(stack, "deadLettered") == deadLettered + 1);

        OpsStack.Cli redrive = stack.cli("dlq", "redrive");
        assertThat(redrive.out()).containsPattern("Left [1-9]\\d* in media-ingest-dlq that cannot succeed "
                + "\\(invalid-key, malformed-event\\); --force moves them too");
        assertThat(stack.cli("dlq", "list").out()).contains(key + " ");

        OpsStack.Cli forced = stack.cli("dlq", "redrive", "--force");
        assertThat(forced.out()).containsPattern("Redrove [1-9]\\d* message\\(s\\)").doesNotContain("Left");
        await().atMost(OpsStack.ITEM_WAIT).untilAsserted(() -> assertThat(get(stack, "/metrics"))
                .contains("media_ingest_messages_total{outcome=\"dead-lettered-again\"}"));
        assertThat(stack.cli("dlq", "list").out()).contains(key + " ");
        assertThat(summaryTotal(stack, "deadLettered")).as("the same letter back in the DLQ is not one more")
                .isEqualTo(deadLettered + 1);
    }

    /**
     * An index write that was lost (its entry and the tag count are gone) and whose stream record was parked
     * on the index DLQ, as the indexer parks a record whose writes keep failing: redrive --index repairs it.
     */
    @Test
    void redriveIndexRepairsTheIndexOfARecordParkedOnTheIndexDlq(OpsStack stack) throws Exception {
        String user = OpsStack.user("reindex");
        stack.put("users/" + user + "/lost.png", OpsStack.image("png", 40), "harbour");
        Map<String, AttributeValue> item = stack.awaitItem(user, "lost.png");
        await().atMost(OpsStack.ITEM_WAIT).untilAsserted(() -> assertThat(stack.cli("query", "--user", user,
                "--tags").out()).containsPattern("(?m)^harbour +1$"));
        stack.loseIndexWritesAndParkTheirRecord(item);
        assertThat(stack.cli("query", "--user", user, "--tag", "harbour").out())
                .contains("0 item(s) tagged harbour");

        OpsStack.Cli redrive = stack.cli("dlq", "redrive", "--index");

        assertThat(redrive.exitCode()).as(redrive.err()).isZero();
        assertThat(redrive.out())
                .containsPattern("Re-projected [1-9]\\d* item\\(s\\) of media-index-dlq into MediaTagIndex");
        assertThat(stack.cli("query", "--user", user, "--tag", "harbour").out())
                .containsPattern("(?m)^lost.png +image .* harbour$").contains("1 item(s) tagged harbour");
        assertThat(stack.cli("query", "--user", user, "--tags").out()).containsPattern("(?m)^harbour +1$");
        assertThat(stack.cli("dlq", "redrive", "--index").out())
                .contains("Re-projected 0 item(s) of media-index-dlq into MediaTagIndex");
    }

    private static long summaryTotal(OpsStack stack, String name) throws Exception {
        return JSON.readTree(get(stack, "/api/summary")).path("totals").path(name).asLong();
    }

    private static String get(OpsStack stack, String path) throws Exception {
        return OpsHttpTest.get(stack, path).body();
    }

    @Test
    void staleOnlyReprocessesItemsOfAnOlderExtractorAndLeavesMissingOnesAlone(OpsStack stack) {
        String user = OpsStack.user("stale");
        stack.put("users/" + user + "/old.png", OpsStack.image("png", 20));
        stack.put("users/" + user + "/gone.png", OpsStack.image("png", 21));
        Map<String, AttributeValue> old = stack.awaitItem(user, "old.png");
        stack.awaitItem(user, "gone.png");
        stack.clients.dynamoDb().updateItem(r -> r.tableName(stack.config.mediaTable()).key(OpsStack.key(user, "old.png"))
                .updateExpression("SET ExtractorVersion = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN("0"))));
        stack.clients.dynamoDb().deleteItem(r -> r.tableName(stack.config.mediaTable()).key(OpsStack.key(user, "gone.png")));

        OpsStack.Cli backfill = stack.cli("backfill", "--prefix", "users/" + user + "/", "--stale-only", "--quiet");

        assertThat(backfill.out()).contains("1 missing, 1 outdated").contains("1 event(s) enqueued");
        await().atMost(OpsStack.ITEM_WAIT).untilAsserted(() -> {
            Map<String, AttributeValue> item = stack.item(user, "old.png").orElseThrow();
            assertThat(item.get("ExtractorVersion").n()).isEqualTo(Integer.toString(ItemAssembler.CURRENT_EXTRACTOR_VERSION));
            assertThat(item.get("SequencerOrder").s()).isGreaterThan(old.get("SequencerOrder").s());
        });
        assertThat(stack.item(user, "gone.png")).isEmpty();
    }

    /** The visible count of a queue's row in status' table. */
    private static long count(String table, String role, String name) {
        Matcher m = Pattern.compile("(?m)^" + role + "\\s+" + name + "\\s+(\\d+)\\s+(\\d+)\\s").matcher(table);
        assertThat(m.find()).as("a row for %s in%n%s", name, table).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static JsonNode queue(JsonNode status, String role) {
        return StreamSupport.stream(status.path("queues").spliterator(), false)
                .filter(q -> role.equals(q.path("role").asText())).findFirst().orElseThrow();
    }
}
