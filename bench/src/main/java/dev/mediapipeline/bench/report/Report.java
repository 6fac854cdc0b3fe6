package dev.mediapipeline.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark's result: markdown on stdout and in {@code <name>.md}, the same figures (and raw data) in
 * {@code <name>.json}, both under the output directory.
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String name;
    private final List<String> markdown = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final Map<String, Object> tables = new LinkedHashMap<>();

    /**
     * @param name    file name stem, e.g. "extract"
     * @param command how to run this benchmark again, as typed
     */
    public Report(String name, String title, String command, Machine machine) {
        this.name = name;
        markdown.add("## " + title);
        String at = Instant.now().toString();
        markdown.add("Machine: " + machine.describe() + "  \nCommand: `" + command + "`  \nRun at: " + at);
        json.put("benchmark", name);
        json.put("command", command);
        json.put("runAt", at);
        json.put("machine", machine);
        json.put("tables", tables);
    }

    /** A paragraph of markdown, e.g. how the figures were measured. */
    public Report note(String text) {
        markdown.add(text);
        return this;
    }

    public Report table(String key, String heading, Table table) {
        markdown.add("### " + heading + "\n\n" + table.markdown().stripTrailing());
        tables.put(key, table.json());
        return this;
    }

    /** Extra JSON only: raw samples, settings, verdicts. */
    public Report data(String key, Object value) {
        json.put(key, value);
        return this;
    }

    public String markdown() {
        return String.join("\n\n", markdown) + "\n";
    }

    /** Prints the markdown to {@code out} and writes {@code <name>.md} and {@code <name>.json} under {@code dir}. */
    public Path write(Path dir, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        String md = markdown();
        out.print(md);
        out.flush();
        Files.writeString(dir.resolve(name + ".md"), md, StandardCharsets.UTF_8);
        Path jsonFile = dir.resolve(name + ".json");
        JSON.writeValue(jsonFile.toFile(), json);
        return jsonFile;
    }
}
