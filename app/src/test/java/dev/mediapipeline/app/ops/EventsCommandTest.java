package dev.mediapipeline.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code events} and {@code query --from/--to} as a user types them, against both workers. */
@ExtendWith(OpsStack.Resolver.class)
class EventsCommandTest {

    @Test
    void typeAndUserFiltersKeepOnlyWhatWasAskedFor(OpsStack stack) {
        String user = OpsStack.user("filters");
        stack.put("users/" + user + "/kept.png", OpsStack.image("png", 60));
        stack.put("users/" + user + "/gone.png", OpsStack.image("png", 61));
        stack.put("users/" + OpsStack.user("other") + "/gone.png", OpsStack.image("png", 62));
        stack.awaitItem(user, "gone.png");
        stack.clients.s3().deleteObject(r -> r.bucket(stack.config.bucket()).key("users/" + user + "/gone.png"));
        await().atMost(OpsStack.ITEM_WAIT).until(() -> stack.item(user, "gone.png").isEmpty());

        OpsStack.Cli deleted = stack.cli("events", "--from", "trim-horizon", "--user", user, "--type", "deleted");
        OpsStack.Cli created = stack.cli("events", "--user", user, "--type", "media.created");

        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out().lines()).singleElement().asString()
                .contains("\"type\":\"media.deleted\"", "\"subject\":\"users/" + user + "/gone.png\"");
        assertThat(created.out().lines()).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"type\":\"media.created\"",
                "\"userid\":\"" + user + "\""));
        assertThat(deleted.err()).contains("events: reading ").contains("from trim-horizon");
    }

    @Test
    void anUnknownTypeOrTimeIsRefusedBeforeAnythingIsRead(OpsStack stack) {
        OpsStack.Cli badType = stack.cli("events", "--type", "renamed");
        OpsStack.Cli badFrom = stack.cli("events", "--from", "yesterday");

        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).contains("--type 'renamed' is none of created, updated, deleted, failed");
        assertThat(badFrom.exitCode()).isEqualTo(2);
        assertThat(badFrom.err()).contains("'yesterday' is none of trim-horizon, latest");
    }

    @Test
    void theTimelinePlacesMediaWithoutCaptureTimeByTheirUploadAndSaysSo(OpsStack stack) {
        String user = OpsStack.user("timeline");
        stack.put("users/" + user + "/screenshot.png", OpsStack.image("png", 63));
        stack.awaitItem(user, "screenshot.png");

        OpsStack.Cli today = stack.cli("query", "--user", user, "--from", LocalDate.now(ZoneOffset.UTC)
                .minusDays(1).toString());
        OpsStack.Cli both = stack.cli("query", "--user", user, "--tags", "--from", "2024-01-01");

        assertThat(today.out()).containsPattern("(?m)^screenshot.png +image +READY +\\d+x48 +\\S+Z \\(uploaded\\)")
                .contains("1 item(s) of user " + user);
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--tag/--tags and --from/--to are different queries");
    }
}
