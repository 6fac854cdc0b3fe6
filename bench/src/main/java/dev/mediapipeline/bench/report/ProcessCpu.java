package dev.mediapipeline.bench.report;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time used by this whole process (workers and embedded stack alike): per object it says what a run
 * costs independently of how busy the shared machine was, which wall-clock throughput cannot.
 */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    public static Duration used() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Duration.ofNanos(Math.max(0, os.getProcessCpuTime()));
        }
        return Duration.ZERO;
    }
}
