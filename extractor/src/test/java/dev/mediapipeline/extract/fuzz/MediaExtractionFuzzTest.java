package dev.mediapipeline.extract.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.extract.MediaExtraction;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.FileByteSource;
import dev.mediapipeline.extract.testing.SampleCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded, bounded fuzzing of extraction, run by the build in a JVM of its own with {@code -Xmx256m} (see the
 * "fuzz" surefire execution): thousands of damaged corpus files through {@link MediaExtraction#extract} on a
 * {@link FileByteSource}. No case may throw (bad content must become a FAILED result), take longer than its
 * time budget allows, or run out of memory. The same seed gives the same cases; failing inputs are kept in
 * {@code target/fuzz-failures} with the seed and case number in their name.
 *
 * <p>{@code -Dfuzz.seed=N -Dfuzz.cases=N} run other or more cases.
 */
class MediaExtractionFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261124L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 3000);
    private static final Path FAILURES = Path.of("target", "fuzz-failures");
    /** Seeds are the corpus files up to this size: damage lives in headers, and big files only cost time. */
    private static final long MAX_SEED_BYTES = 512 * 1024;
    private static final ExtractionLimits LIMITS = new ExtractionLimits(16L << 20, Duration.ofSeconds(2));
    /** The time budget is checked on every read; a parser that spins without reading is caught here. */
    private static final Duration ALLOWED = LIMITS.timeout().plusSeconds(3);

    @Test
    void damagedFilesNeverThrowOverrunTheirBudgetOrExhaustMemory(@TempDir Path dir) throws IOException {
        List<Path> seeds = seeds();
        List<byte[]> originals = new ArrayList<>();
        for (Path seed : seeds) {
            originals.add(Files.readAllBytes(seed));
        }
        // The undamaged seeds first: they must pass too, and they load every parser before the clock matters.
        for (Path seed : seeds) {
            try (FileByteSource source = new FileByteSource(seed)) {
                MediaExtraction.extract(source, LIMITS);
            }
        }
        Random random = new Random(SEED);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        long slowestNanos = 0;
        String slowest = "";
        long started = System.nanoTime();

        for (int i = 0; i < CASES; i++) {
            int seed = i % seeds.size();
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            byte[] bytes = mutation.apply(originals.get(seed), originals.get(random.nextInt(originals.size())), random);
            Path input = dir.resolve("case");
            Files.write(input, bytes);
            String name = "case " + i + " (" + mutation + " of " + seeds.get(seed).getFileName() + ")";

            long caseStarted = System.nanoTime();
            try (FileByteSource source = new FileByteSource(input)) {
                MediaMetadata result = MediaExtraction.extract(source, LIMITS);
                outcomes.merge(result.errorClass() == null ? "READY" : result.errorClass().wireName(), 1, Integer::sum);
            } catch (Throwable escaped) {
                problems.add(name + " threw " + stackTrace(escaped));
                keep(i, bytes);
            }
            long took = System.nanoTime() - caseStarted;
            if (took > ALLOWED.toNanos()) {
                problems.add(name + " took " + took / 1_000_000 + " ms, allowed " + ALLOWED.toMillis() + " ms");
                keep(i, bytes);
            }
            if (took > slowestNanos) {
                slowestNanos = took;
                slowest = name;
            }
        }

        System.out.printf("fuzz: seed %d, %d cases from %d corpus files in %d ms, heap %d MB; outcomes %s;"
                + " slowest %d ms: %s%n", SEED, CASES, seeds.size(), (System.nanoTime() - started) / 1_000_000,
                Runtime.getRuntime().maxMemory() >> 20, outcomes, slowestNanos / 1_000_000, slowest);
        assertThat(problems).as("cases that escaped, hung or ran out of memory (seed %d)", SEED).isEmpty();
    }

    private static List<Path> seeds() {
        List<Path> seeds = SampleCorpus.list().stream().filter(p -> size(p) <= MAX_SEED_BYTES && size(p) > 0).toList();
        assertThat(seeds).as("corpus files in %s", SampleCorpus.files()).hasSizeGreaterThan(20);
        return seeds;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keep(int caseNumber, byte[] bytes) throws IOException {
        Files.createDirectories(FAILURES);
        Files.write(FAILURES.resolve("seed-" + SEED + "-case-" + caseNumber + ".bin"), bytes);
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
