package dev.mediapipeline.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a benchmark ran on. Numbers from shared or busy machines mean little alone, so the load average at
 * the start is part of the description.
 */
public record Machine(int cores, long memoryBytes, String cpu, String jvm, String os, double loadAverage) {

    public static Machine current() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Machine(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(), cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                os.getSystemLoadAverage());
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB RAM, %s, %s, load average %.1f at start", cores,
                cpu, memoryBytes / (double) (1L << 30), jvm, os, loadAverage);
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                        .findFirst().orElse(System.getProperty("os.arch"));
            } catch (IOException e) {
                return System.getProperty("os.arch");
            }
        }
        return System.getProperty("os.arch");
    }
}
