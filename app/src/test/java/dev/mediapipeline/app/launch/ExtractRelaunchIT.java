package dev.mediapipeline.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.extract.testing.SampleCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as a user runs it (so after {@code package}, by failsafe): {@code java -jar
 * media-pipeline.jar extract} hands the work to a second JVM with a class-data archive, and what the user
 * sees (JSON lines, exit code, stderr) is what the same command prints without the second JVM.
 */
class ExtractRelaunchIT {

    private static final Path JAR = Path.of("target", "media-pipeline.jar").toAbsolutePath();

    record Run(int exit, String out, String err) {
    }

    @Test
    void extractInItsOwnJvmPrintsWhatTheUsersJvmPrintsAndLeavesAnArchiveForTheNextRun() throws Exception {
        List<String> files = corpusFiles();
        deleteArchives();

        Run first = run(List.of(), files);
        Run second = run(List.of(), files);
        Run inProcess = run(List.of("-Dmedia-pipeline.extract.inProcess=true"), files);

        assertThat(inProcess.exit()).isZero();
        assertThat(inProcess.out().lines()).hasSize(files.size());
        for (Run relaunched : List.of(first, second)) {
            assertThat(relaunched.exit()).isEqualTo(inProcess.exit());
            assertThat(relaunched.out()).isEqualTo(inProcess.out());
            assertThat(relaunched.err().lines()).as("nothing but progress on stderr, no JVM or archive notes")
                    .allMatch(line -> line.matches("extracted \\d+/\\d+ \\(rate\\)"));
        }
        assertThat(archives()).hasSize(1);
    }

    @Test
    void aFailedInputsExitCodeComesBackAndOnlyPropertiesAndMemorySizesArePassedOn() throws Exception {
        Run relaunched = run(List.of("-Xmx200m"), List.of("/nonexistent/a.jpg"));
        Run inProcess = run(List.of("-Dmedia-pipeline.extract.inProcess=true"), List.of("/nonexistent/a.jpg"));

        assertThat(relaunched.exit()).isNotZero().isEqualTo(inProcess.exit());
        assertThat(relaunched.out()).isEqualTo(inProcess.out());
        assertThat(relaunched.err()).isEqualTo(inProcess.err());
        assertThat(ExtractRelaunch.passedOn(List.of("-Xmx300m", "-Dx=y", "-agentlib:jdwp=transport=dt_socket",
                "-XX:StartFlightRecording", "-Xss2m"))).containsExactly("-Xmx300m", "-Dx=y", "-Xss2m");
    }

    private static Run run(List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "extract"));
        command.addAll(args);
        Path out = Files.createTempFile("extract", ".out");
        Path err = Files.createTempFile("extract", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("extract finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                // progress lines carry a rate, which differs from run to run
                Files.readString(err, StandardCharsets.UTF_8).replaceAll("\\([0-9.]+/s\\)", "(rate)"));
    }

    private static List<String> corpusFiles() {
        return SampleCorpus.list().stream().limit(12).map(Path::toString).toList();
    }

    private static List<Path> archives() throws IOException {
        try (Stream<Path> beside = Files.list(JAR.getParent())) {
            return beside.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    private static void deleteArchives() throws IOException {
        for (Path archive : archives()) {
            Files.delete(archive);
        }
    }
}
