package dev.mediapipeline.bench.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of another JVM, seen two ways: its GC log (heap used before and after every collection, so no
 * peak that triggered a collection is missed) and jstat sampled every 100 ms (peaks that did not).
 */
final class HeapWatch implements AutoCloseable {

    /** e.g. "Pause Young (Normal) (G1 Evacuation Pause) 23M->5M(256M) 3.1ms" or "... 900K->600K(8M) ...". */
    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern FULL = Pattern.compile("Pause Full");

    /** What the GC log says. */
    record GcSummary(int collections, int fullCollections, long maxBeforeBytes, long maxAfterBytes) {
    }

    private final Process jstat;
    private final Thread reader;
    private final AtomicLong maxSampled = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();

    private HeapWatch(Process jstat) {
        this.jstat = jstat;
        this.reader = new Thread(this::readSamples, "bench-jstat");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts sampling {@code pid} with {@code jstatTool}; null tool: GC log only. */
    static HeapWatch start(Path jstatTool, long pid) throws IOException {
        if (jstatTool == null) {
            return new HeapWatch(null);
        }
        return new HeapWatch(new ProcessBuilder(jstatTool.toString(), "-gc", Long.toString(pid), "100")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    /** Highest heap use jstat saw (survivors + eden + old), or 0 without jstat. */
    long maxSampledBytes() {
        return maxSampled.get();
    }

    long samples() {
        return samples.get();
    }

    private void readSamples() {
        if (jstat == null) {
            return;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String header = in.readLine();
            if (header == null) {
                return;
            }
            List<String> columns = List.of(header.trim().split("\\s+"));
            int[] used = {columns.indexOf("S0U"), columns.indexOf("S1U"), columns.indexOf("EU"), columns.indexOf("OU")};
            String line;
            while ((line = in.readLine()) != null) {
                String[] values = line.trim().split("\\s+");
                if (values.length != columns.size() || values[0].equals(columns.get(0))) {
                    continue;
                }
                double kb = 0;
                for (int i : used) {
                    kb += i >= 0 ? Double.parseDouble(values[i]) : 0;
                }
                long bytes = (long) (kb * 1024);
                maxSampled.accumulateAndGet(bytes, Math::max);
                samples.incrementAndGet();
            }
        } catch (IOException | NumberFormatException e) {
            // the sampled JVM went away: keep what was seen
        }
    }

    static GcSummary parse(Path gcLog) throws IOException {
        int collections = 0;
        int full = 0;
        long before = 0;
        long after = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                collections++;
                if (FULL.matcher(line).find()) {
                    full++;
                }
                before = Math.max(before, bytes(m.group(1), m.group(2)));
                after = Math.max(after, bytes(m.group(3), m.group(4)));
            }
        }
        return new GcSummary(collections, full, before, after);
    }

    private static long bytes(String value, String unit) {
        long v = Long.parseLong(value);
        return switch (unit) {
            case "K" -> v << 10;
            case "M" -> v << 20;
            default -> v << 30;
        };
    }

    @Override
    public void close() throws InterruptedException {
        if (jstat != null) {
            jstat.destroy();
            jstat.waitFor();
        }
        reader.join(2000);
    }
}
