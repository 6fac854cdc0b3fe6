package dev.mediapipeline.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a benchmark writes its markdown, JSON and charts. */
public final class OutputOptions {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Directory for the markdown, JSON and PNG results. Default: ${DEFAULT-VALUE}.")
    Path dir;

    public Path dir() {
        return dir;
    }
}
