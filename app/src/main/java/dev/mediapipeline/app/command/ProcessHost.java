package dev.mediapipeline.app.command;

import dev.mediapipeline.app.lifecycle.Components;
import dev.mediapipeline.app.lifecycle.Signals;
import dev.mediapipeline.app.ops.OpsConsole;
import dev.mediapipeline.app.ops.OpsServer;
import dev.mediapipeline.app.ops.metrics.MetricsExport;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.indexer.IndexerWorker;
import dev.mediapipeline.ingest.handle.IngestMetrics;
import dev.mediapipeline.ingest.handle.IngestObserver;
import dev.mediapipeline.ingest.queue.IngestOptions;
import dev.mediapipeline.ingest.queue.IngestWorker;
import dev.mediapipeline.lambda.local.LocalFunctions;
import dev.mediapipeline.localaws.LocalAws;
import dev.mediapipeline.localaws.LocalAwsOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the parts one process hosts — embedded stack, provisioning, workers, ops port — in
 * dependency order, and on SIGINT/SIGTERM stops them in reverse so that in-flight work drains.
 */
final class ProcessHost {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessHost.class);

    /** Which parts to host; an empty embedded stack means "talk to the configured endpoint". */
    record Plan(Optional<LocalAwsOptions> embedded, boolean provision, boolean ingest, boolean indexer,
                Optional<Integer> opsPort, IngestOptions ingestOptions, Compute compute) {
    }

    private ProcessHost() {
    }

    static int run(Plan plan, PipelineConfig configured, PrintStream out) throws Exception {
        try (Components components = new Components()) {
            PipelineConfig config = configured;
            if (plan.embedded().isPresent()) {
                LocalAws local = components.add(embeddedStack(plan.embedded().get()));
                config = configured.withEndpoint(local.endpoint());
            }
            AwsClients clients = components.add(new AwsClients(config));
            if (plan.provision()) {
                new Provisioner(clients).provision();
            }
            MetricsExport metrics = components.add(MetricsExport.create(clients, System.getenv()));
            Optional<OpsConsole> console = plan.ingest() || plan.indexer() || plan.opsPort().isPresent()
                    ? Optional.of(components.add(OpsConsole.start(clients, metrics.registry(), metrics.prometheus())))
                    : Optional.empty();
            boolean lambda = plan.compute() == Compute.lambda;
            if (plan.indexer() && lambda) {
                components.add(LocalFunctions.index(clients)).start();
            } else if (plan.indexer()) {
                components.add(new IndexerWorker(clients, metrics.registry())).start();
            }
            IngestObserver observer = console.map(OpsConsole::ingestObserver).orElse(IngestObserver.NONE);
            if (plan.ingest() && lambda) {
                components.add(LocalFunctions.ingest(clients, new IngestMetrics(metrics.registry(), observer),
                        plan.ingestOptions())).start();
            } else if (plan.ingest()) {
                components.add(new IngestWorker(clients, metrics.registry(), plan.ingestOptions(), observer)).start();
            }
            Optional<OpsServer> ops = plan.opsPort().isPresent()
                    ? Optional.of(components.add(opsServer(console.orElseThrow(), plan.opsPort().get())))
                    : Optional.empty();
            Banner.print(out, config, plan, ops.map(OpsServer::port));
            String signal = Signals.awaitTermination();
            LOG.info("{} received: draining and stopping", signal);
        }
        return 0;
    }

    private static LocalAws embeddedStack(LocalAwsOptions options) {
        try {
            return LocalAws.start(options);
        } catch (IllegalStateException e) {
            throw StartupFailure.ofEmbeddedStack(e, options).orElseThrow(() -> e);
        }
    }

    private static OpsServer opsServer(OpsConsole console, int port) throws IOException {
        try {
            return console.serve(opsHost(), port);
        } catch (IOException e) {
            throw StartupFailure.ofOpsPort(e, port).orElseThrow(() -> e);
        }
    }

    /** Loopback unless MEDIA_OPS_HOST says otherwise: containers set 0.0.0.0 so Prometheus can scrape them. */
    private static String opsHost() {
        String host = System.getenv("MEDIA_OPS_HOST");
        return host == null || host.isBlank() ? "127.0.0.1" : host;
    }
}
