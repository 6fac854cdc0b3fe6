package dev.mediapipeline.app.command;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.provision.Provisioner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Create bucket, queues, notification and tables, idempotently, on any endpoint.")
public final class ProvisionCommand implements Callable<Integer> {

    @Mixin
    ToolEndpoint endpoint;

    @Override
    public Integer call() {
        try (AwsClients clients = new AwsClients(endpoint.config())) {
            new Provisioner(clients).provision();
            System.out.println("Provisioned on " + clients.config().endpoint().map(Object::toString).orElse("AWS"));
        }
        return 0;
    }
}
