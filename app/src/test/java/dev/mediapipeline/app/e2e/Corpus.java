package dev.mediapipeline.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.extract.testing.SampleCorpus;
import java.util.stream.Stream;

/** Known-good examples of the sample corpus, chosen by exiftool/ffprobe's answers for them. */
final class Corpus {

    private Corpus() {
    }

    /** First clean file of a category and file type, for tests that need a known-good example. */
    static JsonNode first(String fileType, String... requiredFields) {
        return SampleCorpus.references().stream()
                .filter(r -> fileType.equals(r.path("fileType").asText()))
                .filter(r -> r.path("caveats").isEmpty() && r.path("exiftoolError").isNull())
                .filter(r -> Stream.of(requiredFields).allMatch(f -> !r.path(f).isNull() && !r.path(f).isMissingNode()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no clean " + fileType + " in the corpus"));
    }
}
