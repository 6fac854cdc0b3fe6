package dev.mediapipeline.examples.monthlycounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.events.change.ChangeEvents;
import dev.mediapipeline.events.follow.Checkpoint;
import dev.mediapipeline.events.follow.StartingPoint;
import dev.mediapipeline.events.follow.StreamFollower;
import dev.mediapipeline.events.testing.UserMediaItems;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example consumer fed with the change events of real writes to UserMedia on the embedded stack. */
class MonthlyCountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DORA = "dora-" + Long.toString(System.currentTimeMillis(), 36);
    private static final String ERIK = "erik-" + Long.toString(System.currentTimeMillis(), 36);

    private static List<String> events;

    @BeforeAll
    static void writeMediaAndReadTheirEvents() throws InterruptedException {
        try (AwsClients clients = new AwsClients(PipelineConfig.defaults().withEndpoint(SharedLocalAws.endpoint()))) {
            new Provisioner(clients).provision();
            UserMediaItems items = new UserMediaItems(clients);
            items.put(DORA, "a.jpg", "2024-07-04T12:30:00+02:00");
            items.put(DORA, "b.jpg", "2024-07-20T08:00:00");
            items.put(DORA, "c.jpg", "2024-08-01T09:00:00Z");
            items.put(DORA, "c.jpg", "2024-07-31T09:00:00Z");
            items.putFailed(DORA, "d.png");
            items.delete(DORA, "b.jpg");
            items.put(ERIK, "e.jpg", "2023-12-24T18:00:00+01:00");
            String streamArn = StreamFollower.streamOf(clients.dynamoDb(), clients.config().mediaTable());
            ChangeEvents mapper = new ChangeEvents(streamArn);
            List<String> lines = new ArrayList<>();
            new StreamFollower(clients.dynamoDbStreams(), streamArn, StartingPoint.TRIM_HORIZON, Checkpoint.inMemory(),
                    Duration.ofMillis(100)).run(r -> lines.add(ChangeEvents.json(mapper.map(r))), false);
            events = lines.stream().filter(l -> l.contains(DORA) || l.contains(ERIK)).toList();
        }
    }

    @Test
    void countsEachUsersMediaByCaptureMonthElseUploadMonth() throws IOException {
        MonthlyCounts counts = new MonthlyCounts();

        applyAll(counts, events);

        assertThat(counts.counts()).containsEntry(DORA, Map.of("2024-07", 2, "2026-12", 1))
                .containsEntry(ERIK, Map.of("2023-12", 1));
    }

    @Test
    void replayingTheWholeStreamAgainOrAnyPrefixChangesNothing() throws IOException {
        MonthlyCounts counts = new MonthlyCounts();
        applyAll(counts, events);
        Map<String, Map<String, Integer>> once = counts.counts();

        applyAll(counts, events.subList(0, 3));
        applyAll(counts, events);

        assertThat(counts.counts()).isEqualTo(once);
    }

    @Test
    void aRestartedConsumerResumesFromItsStateFileAndIgnoresWhatItSawBefore(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("counts.json");
        MonthlyCounts first = new MonthlyCounts();
        applyAll(first, events.subList(0, 4));
        first.save(state);

        Process main = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), state.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        main.getOutputStream().write(String.join("\n", events).getBytes(StandardCharsets.UTF_8));
        main.getOutputStream().close();
        assertThat(main.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String printed = new String(main.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(printed.lines()).contains(DORA + " 2024-07 2", DORA + " 2026-12 1", ERIK + " 2023-12 1");
        assertThat(MonthlyCounts.load(state).counts()).containsEntry(DORA, Map.of("2024-07", 2, "2026-12", 1));
    }

    private static void applyAll(MonthlyCounts counts, List<String> lines) throws IOException {
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            counts.apply(event);
        }
    }
}
