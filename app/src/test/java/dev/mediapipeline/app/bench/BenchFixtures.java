package dev.mediapipeline.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.app.MediaPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A way to run a bench command and read its JSON. */
final class BenchFixtures {

    private BenchFixtures() {
    }

    /** Runs {@code media-pipeline bench ARGS --out DIR}, expects exit 0, returns DIR/NAME.json. */
    static JsonNode bench(Path out, String name, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("bench"));
        all.addAll(List.of(args));
        all.add("--out");
        all.add(out.toString());
        int code = MediaPipeline.execute(all.toArray(String[]::new));
        if (code != 0) {
            throw new AssertionError("bench " + String.join(" ", args) + " exited with " + code);
        }
        return new ObjectMapper().readTree(out.resolve(name + ".json").toFile());
    }

    static JsonNode row(JsonNode table, String column, String value) {
        for (JsonNode row : table) {
            if (row.path(column).asText().startsWith(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + column + " = " + value + " in " + table);
    }
}
