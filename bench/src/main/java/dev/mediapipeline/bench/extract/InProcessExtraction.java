package dev.mediapipeline.bench.extract;

import dev.mediapipeline.extract.MediaExtraction;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.FileByteSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The worker's extraction over local files, in this JVM, N files at a time: what the ingest worker pays per
 * object minus the network, and what the {@code extract} command pays minus JVM start.
 */
final class InProcessExtraction implements AutoCloseable {

    /** One file's outcome and the CPU time its thread spent on it. */
    record Outcome(Path file, long size, String contentType, boolean ready, long bytesRead, Duration cpu) {
    }

    /** A timed pass over a list of files. */
    record Pass(List<Outcome> outcomes, Duration wall) {

        long bytes() {
            return outcomes.stream().mapToLong(Outcome::size).sum();
        }

        long bytesRead() {
            return outcomes.stream().mapToLong(Outcome::bytesRead).sum();
        }

        long failed() {
            return outcomes.stream().filter(o -> !o.ready()).count();
        }

        Duration cpu() {
            return outcomes.stream().map(Outcome::cpu).reduce(Duration.ZERO, Duration::plus);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ExecutorService pool;
    private final ExtractionLimits limits = ExtractionLimits.defaults();

    InProcessExtraction(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-extract");
            t.setDaemon(true);
            return t;
        });
    }

    Pass run(List<Path> files) throws InterruptedException {
        List<Callable<Outcome>> tasks = new ArrayList<>(files.size());
        files.forEach(f -> tasks.add(() -> extract(f)));
        long start = System.nanoTime();
        List<Future<Outcome>> futures = pool.invokeAll(tasks);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        List<Outcome> outcomes = new ArrayList<>(futures.size());
        for (Future<Outcome> f : futures) {
            try {
                outcomes.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("extraction threw: " + e.getCause(), e.getCause());
            }
        }
        return new Pass(outcomes, wall);
    }

    private Outcome extract(Path file) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        try (FileByteSource source = new FileByteSource(file)) {
            MediaMetadata m = MediaExtraction.extract(source, limits);
            return new Outcome(file, Files.size(file), m.contentType(),
                    MediaMetadata.STATUS_READY.equals(m.status()), m.bytesRead(),
                    Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - cpuStart));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
