package dev.mediapipeline.app.command;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "local-aws", mixinStandardHelpOptions = true,
        description = "Only the embedded AWS endpoint (S3, SQS, DynamoDB + Streams), provisioned.")
public final class LocalAwsCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpoint;
    @Mixin
    HostOptions host;

    @Override
    public Integer call() throws Exception {
        return ProcessHost.run(new ProcessHost.Plan(Optional.of(host.localAws()), true, false, false,
                Optional.empty(), new WorkerOptions().ingest()), endpoint.config(), System.out);
    }
}
