package dev.mediapipeline.app.command;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "indexer-worker", mixinStandardHelpOptions = true,
        description = "One indexer worker against --endpoint / AWS_ENDPOINT_URL, else the default AWS chain.")
public final class IndexerWorkerCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpoint;
    @Mixin
    WorkerOptions worker;

    @Override
    public Integer call() throws Exception {
        return ProcessHost.run(new ProcessHost.Plan(Optional.empty(), false, false, true, worker.opsPort(null),
                worker.ingest()), endpoint.config(), System.out);
    }
}
