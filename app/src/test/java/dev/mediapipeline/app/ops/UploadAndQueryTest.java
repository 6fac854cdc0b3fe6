package dev.mediapipeline.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The bundled upload and query commands as a user types them, against both workers. */
@ExtendWith(OpsStack.Resolver.class)
class UploadAndQueryTest {

    @Test
    void uploadOfADirectoryTreeKeepsItsNameAndRelativePathsUnderTheUser(OpsStack stack, @TempDir Path dir)
            throws Exception {
        String user = OpsStack.user("tree");
        Path holiday = Files.createDirectories(dir.resolve("holiday").resolve("day 1"));
        Files.write(dir.resolve("holiday").resolve("cover.png"), OpsStack.image("png", 50));
        Files.write(holiday.resolve("beach.png"), OpsStack.image("png", 51));

        OpsStack.Cli upload = stack.cli("upload", "--user", user, "--tags", "Beach", dir.resolve("holiday").toString());

        assertThat(upload.exitCode()).as(upload.err()).isZero();
        assertThat(upload.out().lines()).containsExactly("s3://media/users/" + user + "/holiday/cover.png",
                "s3://media/users/" + user + "/holiday/day 1/beach.png");
        stack.awaitItem(user, "holiday/cover.png");
        stack.awaitItem(user, "holiday/day 1/beach.png");
        await().atMost(OpsStack.ITEM_WAIT).untilAsserted(() -> assertThat(stack.cli("query", "--user", user,
                "--tag", "beach").out()).containsPattern("(?m)^holiday/day 1/beach.png +image +\\d+x48 .* beach$")
                .contains("2 item(s) tagged beach of user " + user));
    }

    @Test
    void aBadUserIsReportedOnceBeforeAnythingIsSent(OpsStack stack, @TempDir Path dir) throws Exception {
        Path a = Files.write(dir.resolve("a.png"), OpsStack.image("png", 52));
        Path b = Files.write(dir.resolve("b.png"), OpsStack.image("png", 53));

        OpsStack.Cli upload = stack.cli("upload", "--user", "al ice", a.toString(), b.toString());

        assertThat(upload.exitCode()).isEqualTo(2);
        assertThat(upload.out()).isEmpty();
        assertThat(upload.err().lines().filter(l -> l.contains("al ice")))
                .containsExactly("--user 'al ice' cannot be a user: user id must match [A-Za-z0-9_-]{1,128} "
                        + "(objects live under users/<UserId>/)");
        OpsStack.Cli query = stack.cli("query", "--user", "al ice");
        assertThat(query.exitCode()).isEqualTo(2);
        assertThat(query.err().lines()).containsExactly(
                "--user 'al ice' cannot be a user: user id must match [A-Za-z0-9_-]{1,128} "
                        + "(objects live under users/<UserId>/)",
                "Try 'media-pipeline query --help' for its options.");
    }

    @Test
    void aZeroByteUploadIsFailedAndQueryShowsItsStatusAndClass(OpsStack stack) {
        String user = OpsStack.user("empty");
        stack.put("users/" + user + "/empty.jpg", new byte[0]);
        stack.put("users/" + user + "/fine.png", OpsStack.image("png", 54));

        assertThat(stack.awaitItem(user, "empty.jpg")).satisfies(item -> {
            assertThat(item.get("Status").s()).isEqualTo("FAILED");
            assertThat(item.get("ErrorClass").s()).isEqualTo("empty");
            assertThat(item.get("Error").s()).isEqualTo("the object is empty (0 bytes)");
        });
        stack.awaitItem(user, "fine.png");
        String listing = stack.cli("query", "--user", user).out();
        assertThat(listing.lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                .containsPattern("^MediaId +Type +Status +Dimensions +Duration +TakenAt +Tags$"));
        assertThat(listing).containsPattern("(?m)^empty.jpg +other +FAILED empty +$")
                .containsPattern("(?m)^fine.png +image +READY +\\d+x48 +$");
    }

    @Test
    void tagsListsEachTagOfTheUserWithHowManyMediaCarryItAndStaysExactAfterADelete(OpsStack stack) {
        String user = OpsStack.user("counts");
        stack.put("users/" + user + "/a.png", OpsStack.image("png", 60), "beach,sunset");
        stack.put("users/" + user + "/b.png", OpsStack.image("png", 61), "beach");
        await().atMost(OpsStack.ITEM_WAIT).untilAsserted(() -> assertThat(stack.cli("query", "--user", user,
                "--tags").out()).containsPattern("(?m)^beach +2$").containsPattern("(?m)^sunset +1$")
                .contains("2 tag(s) of user " + user));

        stack.clients.s3().deleteObject(r -> r.bucket(stack.config.bucket()).key("users/" + user + "/a.png"));

        await().atMost(OpsStack.ITEM_WAIT).untilAsserted(() -> assertThat(stack.cli("query", "--user", user,
                "--tags").out()).containsPattern("(?m)^beach +1$").doesNotContain("sunset")
                .contains("1 tag(s) of user " + user));
        assertThat(stack.cli("query", "--user", user, "--tag", "sunset").out())
                .contains("0 item(s) tagged sunset of user " + user);
    }
}
