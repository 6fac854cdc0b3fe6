package dev.mediapipeline.bench.memory;

import dev.mediapipeline.common.launch.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code media-pipeline ingest-worker} in a child JVM with a capped heap and a GC log, as an operator would
 * run it in a small container; exits at once on OutOfMemoryError so that a failure cannot pass for slowness.
 */
final class WorkerProcess implements AutoCloseable {

    /** The banner line the worker prints once it is consuming. */
    private static final String READY = "media-pipeline is up.";
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final Path gcLog;

    private WorkerProcess(Process process, Path log, Path gcLog) {
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
    }

    static WorkerProcess start(URI endpoint, String maxHeap, Path dir) throws IOException {
        Path log = dir.resolve("memory-worker.log");
        Path gcLog = dir.resolve("memory-gc.log");
        List<String> command = ChildJvm.command(
                List.of("-Xmx" + maxHeap, "-Xlog:gc:file=" + gcLog, "-XX:+ExitOnOutOfMemoryError"),
                List.of("ingest-worker", "--endpoint", endpoint.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        return new WorkerProcess(process, log, gcLog);
    }

    long pid() {
        return process.pid();
    }

    Path gcLog() {
        return gcLog;
    }

    Path log() {
        return log;
    }

    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(READY)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the worker exited with " + process.exitValue() + ": " + tail());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the worker did not start within " + timeout + ": " + tail());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as an orchestrator stops a container: the worker drains and exits. Returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    String tail() throws IOException {
        String all = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return all.substring(Math.max(0, all.length() - 3000));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
