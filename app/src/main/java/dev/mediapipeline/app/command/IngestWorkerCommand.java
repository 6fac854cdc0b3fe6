package dev.mediapipeline.app.command;

import picocli.CommandLine.Command;

@Command(name = "ingest-worker", mixinStandardHelpOptions = true,
        description = "One ingest worker against --endpoint / AWS_ENDPOINT_URL, else the default AWS chain.")
public final class IngestWorkerCommand extends SingleWorkerCommand {

    public IngestWorkerCommand() {
        super(true);
    }
}
