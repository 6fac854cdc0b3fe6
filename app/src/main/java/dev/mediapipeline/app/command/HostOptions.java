package dev.mediapipeline.app.command;

import dev.mediapipeline.localaws.LocalAwsOptions;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options of commands that host the embedded stack. */
final class HostOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Keeps objects, queues and tables across restarts. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--in-memory", description = "Keep nothing: everything is gone when the process stops.")
    boolean inMemory;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = LocalAwsOptions.DEFAULT_HOST,
            description = "Interface the endpoint listens on; 0.0.0.0 in a container. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "4566",
            description = "Port of the single AWS endpoint. Default: ${DEFAULT-VALUE}.")
    int port;

    LocalAwsOptions localAws() {
        LocalAwsOptions o = LocalAwsOptions.defaults().withHost(host).withPort(port);
        return inMemory ? o.withInMemory() : o.withDataDir(dataDir);
    }

    Optional<LocalAwsOptions> unless(boolean endpointGiven) {
        return endpointGiven ? Optional.empty() : Optional.of(localAws());
    }
}
