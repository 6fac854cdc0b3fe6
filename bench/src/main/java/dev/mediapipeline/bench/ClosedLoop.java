package dev.mediapipeline.bench;

import dev.mediapipeline.bench.report.Latencies;
import dev.mediapipeline.bench.report.ProcessCpu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Threads that each call one operation back to back until a deadline: how many calls, how fast, how long
 * each took and what the whole process spent in CPU meanwhile.
 */
public final class ClosedLoop {

    /** One call; {@code index} numbers the calls of a run across its threads, from 0. */
    @FunctionalInterface
    public interface Operation {

        /** @return how many units (items, records) the call handled */
        long call(long index) throws Exception;
    }

    /** {@code units} adds up what the calls returned; {@code cpu} is the whole process's. */
    public record Result(int threads, long ops, long units, Duration wall, Duration cpu, Latencies latencies) {

        public double opsPerSecond() {
            return ops / (wall.toNanos() / 1e9);
        }

        public double unitsPerSecond() {
            return units / (wall.toNanos() / 1e9);
        }

        public double cpuMillisPerOp() {
            return ops == 0 ? Double.NaN : cpu.toNanos() / 1e6 / ops;
        }
    }

    private ClosedLoop() {
    }

    /**
     * Runs until {@code duration} has passed and at least {@code minimumOps} calls were started.
     *
     * @param perThread called with each thread's number (from 0) before the clock starts, for the operation
     *                  that thread repeats
     */
    public static Result run(int threads, Duration duration, long minimumOps, IntFunction<Operation> perThread)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Operation> operations = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                operations.add(perThread.apply(t));
            }
            AtomicLong next = new AtomicLong();
            List<Future<Calls>> futures = new ArrayList<>();
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            Duration cpuBefore = ProcessCpu.used();
            for (Operation operation : operations) {
                futures.add(pool.submit(() -> {
                    Calls calls = new Calls();
                    long i;
                    while ((i = next.getAndIncrement()) < minimumOps || System.nanoTime() < deadline) {
                        long callStart = System.nanoTime();
                        calls.units += operation.call(i);
                        calls.latencies.add(Duration.ofNanos(System.nanoTime() - callStart));
                    }
                    return calls;
                }));
            }
            List<Duration> latencies = new ArrayList<>();
            long units = 0;
            for (Future<Calls> f : futures) {
                Calls calls = f.get();
                latencies.addAll(calls.latencies);
                units += calls.units;
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            return new Result(threads, latencies.size(), units, wall, ProcessCpu.used().minus(cpuBefore),
                    Latencies.of(latencies));
        } catch (ExecutionException e) {
            throw new IllegalStateException("closed loop failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one thread did. */
    private static final class Calls {

        private final List<Duration> latencies = new ArrayList<>();
        private long units;
    }
}
