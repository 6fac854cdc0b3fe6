package dev.mediapipeline.app.command;

import dev.mediapipeline.ingest.queue.IngestOptions;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options of commands that run a worker. */
final class WorkerOptions {

    @Option(names = "--ops-port", paramLabel = "N",
            description = "Port of /metrics, /health, /ready and the dashboard; 0 picks a free port.")
    Integer opsPort;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Objects the ingest worker handles at once. Default: 4 per core.")
    Integer parallelism;

    @Option(names = "--compute", paramLabel = "ecs|lambda", defaultValue = "ecs",
            description = "ecs: the long-running workers, as the ECS tasks run them (default). lambda: the Lambda "
                    + "handlers, driven in process the way the template's event source mappings drive them.")
    Compute compute;

    Optional<Integer> opsPort(Integer fallback) {
        return Optional.ofNullable(opsPort != null ? opsPort : fallback);
    }

    IngestOptions ingest() {
        IngestOptions d = IngestOptions.defaults();
        return parallelism == null ? d : d.withParallelism(parallelism);
    }
}
