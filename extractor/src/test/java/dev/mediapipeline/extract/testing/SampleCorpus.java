package dev.mediapipeline.extract.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample media the tests read, and exiftool's and ffprobe's answers for them: {@code reference.jsonl} beside
 * the media under {@code files/}. By default the repository's own {@code testdata/corpus}; the system property
 * {@code corpus.dir} (set by the build, {@code -Dcorpus.dir=DIR} on the command line) names another set laid out
 * the same way.
 */
public final class SampleCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleCorpus() {
    }

    /** The corpus folder, absolute; fails when it holds no reference.jsonl. */
    public static Path dir() {
        String property = System.getProperty("corpus.dir");
        // Without the property (a test started by an IDE) tests run in their module's folder, below the root.
        Path dir = (property != null ? Path.of(property) : Path.of("..", "testdata", "corpus")).toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(dir.resolve("reference.jsonl"))) {
            throw new IllegalStateException("no sample corpus at " + dir + " (no reference.jsonl; system property corpus.dir)");
        }
        return dir;
    }

    /** The folder of the media files. */
    public static Path files() {
        return dir().resolve("files");
    }

    /** Every media file, in name order. */
    public static List<Path> list() {
        try (Stream<Path> files = Files.list(files())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first media file, in name order, whose name ends with the suffix. */
    public static Path file(String nameSuffix) {
        return list().stream().filter(p -> p.getFileName().toString().endsWith(nameSuffix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no corpus file ending with " + nameSuffix + " in " + files()));
    }

    /** The bytes of {@link #file(String)}. */
    public static byte[] bytes(String nameSuffix) {
        try {
            return Files.readAllBytes(file(nameSuffix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One reference object per media file, in reference.jsonl's order; its {@code path} is relative to {@link #dir()}. */
    public static List<JsonNode> references() {
        try (Stream<String> lines = Files.lines(dir().resolve("reference.jsonl"))) {
            return lines.filter(l -> !l.isBlank()).map(SampleCorpus::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The media file a reference object describes. */
    public static Path file(JsonNode reference) {
        return dir().resolve(reference.get("path").asText());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
