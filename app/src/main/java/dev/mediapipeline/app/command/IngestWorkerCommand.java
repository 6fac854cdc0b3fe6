package dev.mediapipeline.app.command;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest-worker", mixinStandardHelpOptions = true,
        description = "One ingest worker against --endpoint / AWS_ENDPOINT_URL, else the default AWS chain.")
public final class IngestWorkerCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpoint;
    @Mixin
    WorkerOptions worker;

    @Override
    public Integer call() throws Exception {
        return ProcessHost.run(new ProcessHost.Plan(Optional.empty(), false, true, false, worker.opsPort(null),
                worker.ingest()), endpoint.config(), System.out);
    }
}
