package dev.mediapipeline.app.command;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "local-aws", mixinStandardHelpOptions = true,
        description = "Only the embedded AWS endpoint (S3, SQS, DynamoDB + Streams), provisioned.")
public final class LocalAwsCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpoint;
    @Mixin
    HostOptions host;

    /** Containers ask /health of this port, which answers once the stack is up and provisioned. */
    @Option(names = "--ops-port", paramLabel = "N",
            description = "Port of /health, /ready and /metrics; none unless given.")
    Integer opsPort;

    @Override
    public Integer call() throws Exception {
        return ProcessHost.run(new ProcessHost.Plan(Optional.of(host.localAws()), true, false, false,
                Optional.ofNullable(opsPort), new WorkerOptions().ingest(), Compute.ecs), endpoint.config(), System.out);
    }
}
