package dev.mediapipeline.extract.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the machine's ffmpeg or exiftool to make real media files at test time. */
public final class Encoder {

    public static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    public static final Path EXIFTOOL = Path.of("/usr/bin/exiftool");
    /** A 320x240 test pattern at 25 fps with a 440 Hz tone, 2 seconds. */
    public static final List<String> TEST_PATTERN = List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2");

    private Encoder() {
    }

    public static boolean ffmpegAvailable() {
        return Files.isExecutable(FFMPEG);
    }

    public static boolean exiftoolAvailable() {
        return Files.isExecutable(EXIFTOOL);
    }

    /** ffmpeg with the test pattern as input, then {@code options}, writing {@code out}. */
    public static Path encodeTestPattern(Path out, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(TEST_PATTERN);
        args.addAll(List.of(options));
        return ffmpeg(out, args);
    }

    /**
     * Copies the streams of {@code in} into {@code out} with extra options. ffmpeg 5 writes a rotation
     * ({@code -metadata:s:v:0 rotate=90}) only when it copies, not when it encodes.
     */
    public static Path remux(Path in, Path out, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-i", in.toString(), "-map", "0", "-c", "copy"));
        args.addAll(List.of(options));
        return ffmpeg(out, args);
    }

    /** ffmpeg with {@code args} (inputs and options), writing {@code out}. */
    public static Path ffmpeg(Path out, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(args);
        command.add(out.toString());
        run(command);
        assertThat(out).isNotEmptyFile();
        return out;
    }

    public static void exiftool(Path file, String... assignments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(EXIFTOOL.toString(), "-q", "-overwrite_original"));
        command.addAll(List.of(assignments));
        command.add(file.toString());
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as("%s%n%s", command, new String(output, StandardCharsets.UTF_8)).isZero();
    }
}
