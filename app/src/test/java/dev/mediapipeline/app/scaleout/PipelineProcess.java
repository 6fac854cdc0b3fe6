package dev.mediapipeline.app.scaleout;

import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.launch.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One `media-pipeline COMMAND` in a child JVM, as an operator would start it, with its output in a file. */
final class PipelineProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private PipelineProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static PipelineProcess start(Path logDir, String name, String... args) throws IOException {
        List<String> command = ChildJvm.command(List.of("-Xmx256m"), List.of(args));
        Path log = logDir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PipelineProcess(p, log);
    }

    /** Waits for the banner the command prints once everything it hosts is up. */
    PipelineProcess awaitUp(Duration limit) {
        await().atMost(limit).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("exited " + process.exitValue() + ":\n" + Files.readString(output));
            }
            return Files.readString(output).contains("media-pipeline is up.");
        });
        return this;
    }

    /** The kill -9 of a crash: no shutdown hook, no lease release, messages left in flight. */
    void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
