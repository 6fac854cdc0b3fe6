package dev.mediapipeline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Which files a benchmark reads: the ones named, directories walked, or by default the repository's sample corpus. */
public final class BenchInputs {

    /**
     * The system property corpus.dir, as in the tests, else testdata/corpus of the current folder: the
     * repository's own sample corpus when run from its root, as the README's commands are.
     */
    private static Path corpusDir() {
        return Path.of(System.getProperty("corpus.dir", "testdata/corpus"));
    }

    private BenchInputs() {
    }

    /** Regular files, directories walked in name order; the corpus's files/ when {@code inputs} is empty. */
    public static List<Path> files(List<Path> inputs) {
        List<Path> roots = inputs == null || inputs.isEmpty() ? List.of(corpusDir().resolve("files")) : inputs;
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + root, e);
                }
            } else if (Files.isRegularFile(root)) {
                files.add(root);
            } else {
                throw new IllegalArgumentException("no such file or directory: " + root.toAbsolutePath()
                        + (inputs == null || inputs.isEmpty() ? " (set -Dcorpus.dir or pass files)" : ""));
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files in " + roots);
        }
        return files;
    }

    public static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
