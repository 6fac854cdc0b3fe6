package dev.mediapipeline.bench.extract;

import dev.mediapipeline.bench.report.Machine;
import dev.mediapipeline.bench.report.Report;
import dev.mediapipeline.bench.report.Table;
import dev.mediapipeline.bench.report.Times;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the extract benchmark measured, as tables, the verdict against exiftool and JSON. */
final class ExtractReport {

    private static final double TARGET_VS_EXIFTOOL = 5.0;

    private final Report report;

    ExtractReport(String command, Machine machine) {
        report = new Report("extract", "Extraction speed", command, machine);
    }

    void inputs(int files, long bytes, int times, int batchPaths, boolean cutShort, int runs) {
        report.note(String.format(Locale.ROOT, "Inputs: %d files, %.1f MiB. Batch runs list them %d times over "
                        + "(%d paths; the same paths repeated%s), to amortise process start as in real batches. Page "
                        + "cache warm. Whole-process figures are the median of %d interleaved runs; wall clock, "
                        + "start to exit.", files, mib(bytes), times, batchPaths,
                cutShort ? ", fewer than --repeat to fit one command line" : "", runs));
    }

    void wholeProcesses(SideBySide sides, InProcessExtraction.Pass inProcess, int threads) {
        report.table("wholeProcess", "Whole processes on the same files", wholeProcessTable(sides, inProcess, threads));
        report.note(verdict(sides));
        report.data("wholeProcessRuns", raw(sides));
    }

    void inProcess(int threads, InProcessExtraction.Pass overall, Map<String, InProcessExtraction.Pass> byFormat) {
        report.table("inProcess", "In process, " + threads + " threads, by sniffed ContentType (no JVM start)",
                formatTable(overall, byFormat));
        report.note("MiB/s counts whole files; `bytes read` is how much of them the extractors fetched (what the "
                + "worker fetches with ranged GETs; above 100 % means blocks fetched twice). CPU: user + system time "
                + "of the process (GNU time), or of the extracting threads in process.");
    }

    void settings(Map<String, Object> settings) {
        report.data("settings", settings);
    }

    void write(Path dir, PrintStream out) throws IOException {
        report.write(dir, out);
    }

    private static Table formatTable(InProcessExtraction.Pass overall,
                                     Map<String, InProcessExtraction.Pass> byFormat) {
        Table t = new Table("format (ContentType)", "files", "MiB", "files/s", "MiB/s", "CPU ms/file", "bytes read %",
                "FAILED");
        row(t, "all", overall);
        byFormat.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().outcomes().size(), a.getValue().outcomes().size()))
                .forEach(e -> row(t, e.getKey(), e.getValue()));
        return t;
    }

    private static void row(Table t, String format, InProcessExtraction.Pass p) {
        t.row(format, p.outcomes().size(), mib(p.bytes()), perSecond(p.outcomes().size(), p.wall()),
                perSecond(mib(p.bytes()), p.wall()), p.cpu().toNanos() / 1e6 / p.outcomes().size(),
                percent(p.bytesRead(), p.bytes()), p.failed());
    }

    private static Table wholeProcessTable(SideBySide sides, InProcessExtraction.Pass inProcess, int threads) {
        Table t = new Table("tool", "how", "files", "wall s", "files/s", "MiB/s", "CPU ms/file",
                "vs exiftool batch", "vs exiftool batch, CPU");
        for (Contender c : sides.batches()) {
            row(t, sides, c.tool(), c.how() + (c.complete() ? "" : " (INCOMPLETE output)"), c.files(), c.median(),
                    c.medianCpu(), c.bytes());
        }
        String sample = "one process per file (" + sides.sampleFiles() + " of them)";
        summed(t, sides, "media-pipeline extract",
                sides.perFile().stream().filter(c -> c.tool().startsWith("media")).toList(), sample,
                sides.sampleBytes());
        summed(t, sides, "exiftool -j -n -fast",
                sides.perFile().stream().filter(c -> c.tool().startsWith("exiftool")).toList(), sample,
                sides.sampleBytes());
        long ffprobeFailed = sides.ffprobe().stream().filter(c -> !c.complete()).count();
        summed(t, sides, "ffprobe -show_format -show_streams", sides.ffprobe(), "one process per file (all"
                + (ffprobeFailed > 0 ? ", " + ffprobeFailed + " not parsed" : "") + ")", sides.bytes());
        row(t, sides, "media-pipeline, in process", threads + " threads, no JVM start, JIT warm",
                inProcess.outcomes().size(), inProcess.wall(), inProcess.cpu(), inProcess.bytes());
        return t;
    }

    private static void row(Table t, SideBySide sides, String tool, String how, int count, Duration wall,
                            Duration cpu, long bytes) {
        double filesPerSecond = perSecond(count, wall);
        Double cpuPerFile = cpu == null ? null : cpu.toNanos() / 1e6 / count;
        t.row(tool, how, count, Contender.seconds(wall), filesPerSecond, perSecond(mib(bytes), wall), cpuPerFile,
                Times.of(filesPerSecond, baselineFilesPerSecond(sides)),
                cpuPerFile == null ? null : Times.of(baselineCpuPerFile(sides), cpuPerFile));
    }

    private static void summed(Table t, SideBySide sides, String tool, List<Contender> runs, String how,
                               long runBytes) {
        if (runs.isEmpty()) {
            return;
        }
        Duration wall = runs.stream().map(Contender::median).reduce(Duration.ZERO, Duration::plus);
        boolean cpuKnown = runs.stream().allMatch(c -> c.medianCpu() != null);
        Duration cpu = cpuKnown ? runs.stream().map(Contender::medianCpu).reduce(Duration.ZERO, Duration::plus)
                : null;
        row(t, sides, tool, how, runs.size(), wall, cpu, runBytes);
    }

    private static double baselineFilesPerSecond(SideBySide sides) {
        return sides.exiftoolBatch() == null ? Double.NaN : sides.exiftoolBatch().filesPerSecond();
    }

    private static double baselineCpuPerFile(SideBySide sides) {
        Contender exiftool = sides.exiftoolBatch();
        return exiftool == null || exiftool.medianCpu() == null ? Double.NaN
                : exiftool.medianCpu().toNanos() / 1e6 / exiftool.files();
    }

    private static String verdict(SideBySide sides) {
        if (sides.exiftoolBatch() == null) {
            return "exiftool not found: no side-by-side ratio (install it to get one).";
        }
        Contender ours = sides.batches().get(0);
        double ratio = ours.filesPerSecond() / sides.exiftoolBatch().filesPerSecond();
        String byCpu = ours.medianCpu() == null ? "" : String.format(Locale.ROOT,
                " (by CPU time per file: %.1f×)", baselineCpuPerFile(sides)
                        / (ours.medianCpu().toNanos() / 1e6 / ours.files()));
        return String.format(Locale.ROOT,
                "**extract vs exiftool batch, as whole processes: %.1f× by wall clock%s; target ≥ %.0f×: %s**",
                ratio, byCpu, TARGET_VS_EXIFTOOL, ratio >= TARGET_VS_EXIFTOOL ? "met" : "NOT met");
    }

    private static Map<String, Object> raw(SideBySide sides) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Contender c : sides.batches()) {
            raw.put(c.tool() + " | " + c.how(), Map.of("wallsSeconds",
                    c.walls().stream().map(Contender::seconds).toList(), "cpuSeconds",
                    c.cpus().stream().map(Contender::seconds).toList(), "outputsPerRun", c.outputs(),
                    "files", c.files()));
        }
        return raw;
    }

    private static double mib(long bytes) {
        return bytes / (double) (1 << 20);
    }

    private static double perSecond(double amount, Duration wall) {
        return amount / (wall.toNanos() / 1e9);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }
}
