package dev.mediapipeline.app.chaos;

import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.launch.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one executable in a child JVM, as a user starts it: {@code java -cp ... MediaPipeline COMMAND
 * --data-dir DIR --port N}. Its output goes to files, so a test can read what it logged. The classpath
 * is the application's own: this module's classes and its runtime libraries, without test classes.
 */
final class PipelineProcess {

    static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final String READY_LINE = "media-pipeline is up.";
    private static final Pattern OPS = Pattern.compile("Ops\\s+http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final URI endpoint;

    private PipelineProcess(Process process, Path stdout, Path stderr, URI endpoint) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.endpoint = endpoint;
    }

    /** Starts {@code command} (run, local-aws) on the data dir and port, and waits until it says it is up. */
    static PipelineProcess start(String command, Path dataDir, int port, Path logDir, String... extraArgs) {
        return launch(command, dataDir, port, logDir, extraArgs).awaitUp();
    }

    /**
     * Waits until the process says it is up; fails with its log if it exits first. A process that does not
     * come up in time is killed before the failure is thrown, so no test leaves a pipeline running behind it.
     */
    PipelineProcess awaitUp() {
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited with " + process.exitValue() + ":\n" + log());
                }
                return stdout().contains(READY_LINE);
            });
        } catch (RuntimeException notUp) {
            killHard();
            throw notUp;
        }
        return this;
    }

    /** Starts {@code command} on the data dir and port without waiting for anything. */
    static PipelineProcess launch(String command, Path dataDir, int port, Path logDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(command, "--data-dir", dataDir.toString(),
                "--port", Integer.toString(port)));
        args.addAll(List.of(extraArgs));
        return spawn(args, logDir, URI.create("http://127.0.0.1:" + port));
    }

    /** Starts a command that talks to {@code endpoint} (a worker, {@code events}), without waiting. */
    static PipelineProcess launchAgainst(URI endpoint, Path logDir, String command, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(command, "--endpoint", endpoint.toString()));
        args.addAll(List.of(extraArgs));
        return spawn(args, logDir, endpoint);
    }

    private static PipelineProcess spawn(List<String> args, Path logDir, URI endpoint) {
        List<String> cmd = ChildJvm.command(applicationClasspath(), List.of("-Xmx512m"), args);
        try {
            Files.createDirectories(logDir);
            String name = args.get(0) + "-" + System.nanoTime();
            Path out = logDir.resolve(name + ".out");
            Path err = logDir.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            // The embedded stack accepts any credentials; the child must not pick up real ones.
            builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            return new PipelineProcess(builder.start(), out, err, endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    Optional<URI> opsEndpoint() {
        Matcher m = OPS.matcher(stdout());
        return m.find() ? Optional.of(URI.create("http://127.0.0.1:" + m.group(1))) : Optional.empty();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no drain, no flush. */
    void killHard() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    /** SIGTERM, without waiting. */
    void signalTerminate() {
        process.destroy();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** SIGTERM, then the exit code, waiting at most {@code atMost}; empty if it did not exit in time. */
    Optional<Integer> terminate(Duration atMost) {
        process.destroy();
        return awaitExit(atMost);
    }

    /** The exit code, waiting at most {@code atMost}; empty if it did not exit in time. */
    Optional<Integer> awaitExit(Duration atMost) {
        try {
            return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    String stdout() {
        return read(stdout);
    }

    /** Everything the process printed, standard output and error. */
    String log() {
        return read(stdout) + read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test JVM's classpath minus test classes and test jars: what the packaged application has. */
    private static String applicationClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("-tests.jar"))
                .filter(entry -> !entry.contains("junit") && !entry.contains("awaitility")
                        && !entry.contains("assertj") && !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
