package dev.mediapipeline.app.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The whole pipeline in one process: embedded AWS (unless --endpoint or AWS_ENDPOINT_URL), "
                + "provisioning, ingest and indexer workers, ops HTTP on :8080.")
public final class RunCommand implements Callable<Integer> {

    static final int DEFAULT_OPS_PORT = 8080;

    @Mixin
    EndpointOptions endpoint;
    @Mixin
    HostOptions host;
    @Mixin
    WorkerOptions worker;

    @Override
    public Integer call() throws Exception {
        var config = endpoint.config();
        return ProcessHost.run(new ProcessHost.Plan(host.unless(config.endpoint().isPresent()), true, true, true,
                worker.opsPort(DEFAULT_OPS_PORT), worker.ingest(), worker.compute), config, System.out);
    }
}
