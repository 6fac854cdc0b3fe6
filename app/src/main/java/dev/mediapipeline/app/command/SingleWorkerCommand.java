package dev.mediapipeline.app.command;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** One worker alone in its process, against an endpoint or the default AWS chain: the scale-out unit. */
abstract class SingleWorkerCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpoint;
    @Mixin
    WorkerOptions worker;

    private final boolean ingest;

    SingleWorkerCommand(boolean ingest) {
        this.ingest = ingest;
    }

    @Override
    public Integer call() throws Exception {
        return ProcessHost.run(new ProcessHost.Plan(Optional.empty(), false, ingest, !ingest, worker.opsPort(null),
                worker.ingest(), worker.compute), endpoint.config(), System.out);
    }
}
