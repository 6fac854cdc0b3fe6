package dev.mediapipeline.app.command;

import picocli.CommandLine.Command;

@Command(name = "indexer-worker", mixinStandardHelpOptions = true,
        description = "One indexer worker against --endpoint / AWS_ENDPOINT_URL, else the default AWS chain.")
public final class IndexerWorkerCommand extends SingleWorkerCommand {

    public IndexerWorkerCommand() {
        super(false);
    }
}
