package dev.mediapipeline.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one external command to completion and measures its wall-clock time, from start to exit, and, where
 * GNU time is installed, the CPU time it used: on a busy machine CPU time says more about the work than the
 * wall clock does.
 */
public final class TimedProcess {

    private static final int ERROR_TAIL_CHARS = 2000;
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** How a run ended; {@code cpu} is user + system time of the process and its children, when known. */
    public record Result(Duration wall, int exitCode, Optional<Duration> cpu) {
    }

    private TimedProcess() {
    }

    /**
     * Runs {@code command} with standard input closed and standard output to {@code stdout} (null: discarded).
     *
     * @throws IOException with the end of the command's error output when the exit code is not accepted
     */
    public static Result run(List<String> command, Path stdout, Set<Integer> accepted) throws IOException {
        Path stderr = Files.createTempFile("bench-stderr", ".txt");
        Path times = Files.isExecutable(GNU_TIME) ? Files.createTempFile("bench-time", ".txt") : null;
        try {
            List<String> timed = new ArrayList<>();
            if (times != null) {
                timed.addAll(List.of(GNU_TIME.toString(), "-f", "%U %S", "-o", times.toString()));
            }
            timed.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(timed)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD
                            : ProcessBuilder.Redirect.to(stdout.toFile()))
                    .redirectError(stderr.toFile());
            long start = System.nanoTime();
            Process process = builder.start();
            int code;
            try {
                code = process.waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + command.get(0), e);
            }
            Result result = new Result(Duration.ofNanos(System.nanoTime() - start), code, cpu(times));
            if (!accepted.contains(code)) {
                String err = Files.readString(stderr);
                throw new IOException(String.join(" ", command.subList(0, Math.min(5, command.size())))
                        + " ... exited with " + code + ": "
                        + err.substring(Math.max(0, err.length() - ERROR_TAIL_CHARS)));
            }
            return result;
        } finally {
            Files.deleteIfExists(stderr);
            if (times != null) {
                Files.deleteIfExists(times);
            }
        }
    }

    /** GNU time's "%U %S" line: user and system seconds (its last line; earlier ones report a failed exit). */
    private static Optional<Duration> cpu(Path times) throws IOException {
        if (times == null) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(times);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = lines.get(lines.size() - 1).trim().split("\\s+");
        try {
            double seconds = Double.parseDouble(parts[0]) + Double.parseDouble(parts[1]);
            return Optional.of(Duration.ofNanos((long) (seconds * 1e9)));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** An executable on the PATH, or the given absolute path, if it exists. */
    public static Path find(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? p : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
