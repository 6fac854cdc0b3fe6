package dev.mediapipeline.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared sample media and exiftool/ffprobe's answers for them. */
final class Corpus {

    static final Path DIR = Path.of(System.getProperty("corpus.dir", "../../shared/corpus"));

    private Corpus() {
    }

    static List<JsonNode> references() {
        ObjectMapper json = new ObjectMapper();
        try (Stream<String> lines = Files.lines(DIR.resolve("reference.jsonl"))) {
            return lines.filter(l -> !l.isBlank()).map(l -> {
                try {
                    return json.readTree(l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("corpus not found at " + DIR.toAbsolutePath(), e);
        }
    }

    static Path file(JsonNode reference) {
        return DIR.resolve(reference.get("path").asText());
    }

    /** First clean file of a category and file type, for tests that need a known-good example. */
    static JsonNode first(String fileType, String... requiredFields) {
        return references().stream()
                .filter(r -> fileType.equals(r.path("fileType").asText()))
                .filter(r -> r.path("caveats").isEmpty() && r.path("exiftoolError").isNull())
                .filter(r -> Stream.of(requiredFields).allMatch(f -> !r.path(f).isNull() && !r.path(f).isMissingNode()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no clean " + fileType + " in the corpus"));
    }
}
