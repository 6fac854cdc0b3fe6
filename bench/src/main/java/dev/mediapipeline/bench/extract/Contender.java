package dev.mediapipeline.bench.extract;

import dev.mediapipeline.bench.TimedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tool run as a whole process over a file list, several times; its output is counted so that a tool
 * that skipped files cannot look fast.
 *
 * @param outputMarker a regular expression matched once per file in the tool's output
 */
record Contender(String tool, String how, List<String> command, Set<Integer> acceptedExitCodes,
                 Pattern outputMarker, int files, long bytes, List<Duration> walls, List<Duration> cpus,
                 List<Integer> outputs) {

    static Contender of(String tool, String how, List<String> command, Set<Integer> accepted, String outputMarker,
                        int files, long bytes) {
        return new Contender(tool, how, command, accepted, Pattern.compile(outputMarker), files, bytes,
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** One more timed run; the output goes to a scratch file that is counted, then deleted. */
    void runOnce(Path scratchDir) throws IOException {
        Path out = Files.createTempFile(scratchDir, "bench-out", ".txt");
        try {
            TimedProcess.Result result = TimedProcess.run(command, out, acceptedExitCodes);
            walls.add(result.wall());
            result.cpu().ifPresent(cpus::add);
            Matcher m = outputMarker.matcher(Files.readString(out));
            int n = 0;
            while (m.find()) {
                n++;
            }
            outputs.add(n);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Median wall time of the runs so far: one slow run on a busy machine does not decide. */
    Duration median() {
        return medianOf(walls);
    }

    /** Median CPU time (user + system), when GNU time could measure it. */
    Duration medianCpu() {
        return cpus.size() == walls.size() && !cpus.isEmpty() ? medianOf(cpus) : null;
    }

    private static Duration medianOf(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    double filesPerSecond() {
        return files / seconds(median());
    }

    /** Whether every run reported every file. */
    boolean complete() {
        return outputs.stream().allMatch(n -> n == files);
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
