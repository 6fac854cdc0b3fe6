package dev.mediapipeline.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.app.ops.OpsStack;
import dev.mediapipeline.events.schema.Schemas;
import dev.mediapipeline.events.testing.SchemaValidator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Consume the change stream" as a new user tries it: the embedded stack and the ingest worker
 * in processes of their own, {@code events --follow} in a third, uploads and a removal with the stock AWS CLI.
 */
class ChangeStreamAcceptanceTest {

    private static final Path AWS_CLI = Path.of("/usr/bin/aws");
    private static final Duration EVENT_WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eventsFollowShowsEachAwsCliUploadOnceThenItsRemovalAcrossWorkerAndFollowerRestarts(@TempDir Path dir)
            throws Exception {
        Path logs = dir.resolve("logs");
        Path checkpoint = dir.resolve("events.checkpoint");
        PipelineProcess stack = PipelineProcess.start("local-aws", dir.resolve("data"), PipelineProcess.freePort(), logs);
        URI endpoint = stack.endpoint();
        PipelineProcess worker = PipelineProcess.launchAgainst(endpoint, logs, "ingest-worker").awaitUp();
        String[] follow = {"--follow", "--user", "carol", "--checkpoint", checkpoint.toString()};
        PipelineProcess events = PipelineProcess.launchAgainst(endpoint, logs, "events", follow);
        try {
            // From latest, the default with --follow: what comes after this line on stderr is shown.
            await().atMost(EVENT_WAIT).until(() -> events.log().contains("events: reading "));
            for (String name : List.of("a.png", "b.png", "c.png")) {
                aws(endpoint, dir, "s3", "cp", write(dir, name), "s3://media/users/carol/trip/" + name);
            }
            await().atMost(EVENT_WAIT).until(() -> lines(events).size() == 3);

            worker.killHard();
            worker = PipelineProcess.launchAgainst(endpoint, logs, "ingest-worker").awaitUp();
            assertThat(events.terminate(Duration.ofSeconds(30))).as("events exits cleanly on SIGTERM, as on Ctrl-C")
                    .contains(0);
            List<JsonNode> beforeRestart = lines(events);
            PipelineProcess resumed = PipelineProcess.launchAgainst(endpoint, logs, "events", follow);
            try {
                aws(endpoint, dir, "s3", "rm", "s3://media/users/carol/trip/b.png");
                await().atMost(EVENT_WAIT).until(() -> !lines(resumed).isEmpty());

                List<JsonNode> all = new ArrayList<>(beforeRestart);
                all.addAll(lines(resumed));
                assertThat(all).extracting(e -> e.get("type").asText() + " " + e.get("subject").asText()).containsExactly(
                        "media.created users/carol/trip/a.png",
                        "media.created users/carol/trip/b.png",
                        "media.created users/carol/trip/c.png",
                        "media.deleted users/carol/trip/b.png");
                assertThat(all).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates();
                SchemaValidator schema = SchemaValidator.of(Schemas.CHANGE_EVENT, 1);
                assertThat(all).allSatisfy(e -> assertThat(schema.violations(e.toString())).isEmpty());
            } finally {
                resumed.terminate(Duration.ofSeconds(30));
            }
        } finally {
            events.terminate(Duration.ofSeconds(30));
            worker.terminate(Duration.ofSeconds(30));
            stack.terminate(Duration.ofSeconds(60));
        }
    }

    /** The JSON lines a process printed. */
    private static List<JsonNode> lines(PipelineProcess events) throws IOException {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : events.stdout().lines().toList()) {
            parsed.add(JSON.readTree(line));
        }
        return parsed;
    }

    private static String write(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), OpsStack.image("png", name.charAt(0))).toString();
    }

    private static void aws(URI endpoint, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS_CLI.toString(), "--endpoint-url", endpoint.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("aws.log").toFile());
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_DEFAULT_REGION", "us-east-1"));
        Process aws = builder.start();
        assertThat(aws.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(aws.exitValue()).as(Files.readString(dir.resolve("aws.log"), StandardCharsets.UTF_8)).isZero();
    }
}
