package dev.mediapipeline.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer meets first, with {@code run} as a user starts it: a second run on a port or data dir the
 * first one holds says why in one line, with the option that gets round it, and exits non-zero; Ctrl-C
 * (SIGTERM) on an idle run stops it with exit code 0, without waiting out the ingest worker's long poll.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartAndStopTest {

    /** The one-line reason comes well before this; a loaded machine needs a JVM start or two. */
    private static final Duration REFUSAL = Duration.ofSeconds(60);
    /**
     * 1.5–3 s from the signal to the exit on a loaded 2-core machine (the README's figure, printed by the test);
     * this bound is generous for a loaded CI machine. Neither worker nor the embedded SQS waits out a long poll.
     */
    private static final Duration IDLE_STOP = Duration.ofSeconds(10);
    private static final Duration INGEST_IDLE_STOP = Duration.ofSeconds(2);

    @TempDir
    static Path dir;
    private static int port;
    private static PipelineProcess first;

    @BeforeAll
    static void startFirst() {
        port = PipelineProcess.freePort();
        first = PipelineProcess.start("run", dir.resolve("data"), port, dir.resolve("logs"), "--ops-port", "0");
    }

    @AfterAll
    static void stopFirst() {
        if (first.isAlive()) {
            first.killHard();
        }
    }

    @Test
    void aSecondRunOnTheSameDataDirSaysSoInOneLineWithTheFix() {
        PipelineProcess second = PipelineProcess.launch("run", dir.resolve("data"), PipelineProcess.freePort(),
                dir.resolve("logs"), "--ops-port", "0");

        assertThat(second.awaitExit(REFUSAL)).contains(1);
        assertThat(problems(second)).singleElement().asString()
                .startsWith("media-pipeline run: data dir " + dir.resolve("data").toAbsolutePath() + " is in use")
                .contains("--data-dir DIR, or --in-memory");
    }

    @Test
    void aSecondRunOnTheSamePortSaysSoInOneLineWithTheFix() {
        PipelineProcess second = PipelineProcess.launch("run", dir.resolve("other"), port, dir.resolve("logs"),
                "--ops-port", "0", "--in-memory");

        assertThat(second.awaitExit(REFUSAL)).contains(1);
        assertThat(problems(second)).singleElement().asString()
                .startsWith("media-pipeline run: port " + port + " on 127.0.0.1 is in use")
                .endsWith("--port N");
    }

    @Test
    @Order(Integer.MAX_VALUE) // stops the first run, which the others need
    void sigtermOnAnIdleRunExitsZeroWithoutWaitingOutALongPoll() {
        long started = System.nanoTime();
        var exit = first.terminate(IDLE_STOP);
        Duration stopping = Duration.ofNanos(System.nanoTime() - started);

        System.out.printf("Idle run stopped by SIGTERM in %d ms (signal to exit)%n", stopping.toMillis());

        assertThat(exit).as("exit code within %s; log:%n%s", IDLE_STOP, first.log()).contains(0);
        assertThat(stopping).isLessThan(IDLE_STOP);
        assertThat(first.log()).contains("SIGTERM received");
        Matcher ingest = Pattern.compile("Stopped in \\d+ ms: .*IngestWorker (\\d+) ms").matcher(first.log());
        assertThat(ingest.find()).as("the stop's summary line in%n%s", first.log()).isTrue();
        assertThat(Duration.ofMillis(Long.parseLong(ingest.group(1)))).isLessThan(INGEST_IDLE_STOP);
        assertThat(first.log()).as("the embedded stack's own breakdown")
                .containsPattern("stopped in \\d+ ms: endpoint \\d+ ms, then side by side S3 and SQS \\d+ ms, DynamoDB \\d+ ms");
    }

    /** What the process printed that is not a routine log line: warnings, errors, stack frames. */
    private static List<String> problems(PipelineProcess process) {
        return process.log().lines()
                .filter(line -> !line.isBlank() && !line.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO .*"))
                .toList();
    }
}
