package dev.mediapipeline.app.command;

import dev.mediapipeline.app.ops.backfill.Backfill;
import dev.mediapipeline.app.ops.backfill.BackfillSummary;
import dev.mediapipeline.app.ops.backfill.Progress;
import dev.mediapipeline.app.ops.backfill.ProgressBar;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.key.MediaKey;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "List the bucket and enqueue an ObjectCreated event for every object whose item is missing, "
                + "was written by an older extractor, or describes another ETag. The running workers do the rest.")
public final class BackfillCommand implements Callable<Integer> {

    @Mixin
    ToolEndpoint endpoint;

    @Option(names = "--prefix", paramLabel = "P", defaultValue = MediaKey.PREFIX,
            description = "Only keys under this prefix, e.g. users/alice/. Default: ${DEFAULT-VALUE}.")
    String prefix;

    @Option(names = "--stale-only", description = "Only reprocess existing items (older ExtractorVersion or "
            + "another ETag); leave missing items alone.")
    boolean staleOnly;

    @Option(names = "--dry-run", description = "Count what would be enqueued; send nothing.")
    boolean dryRun;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "100",
            description = "Events enqueued per second at most. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (rate <= 0) {
            throw new ParameterException(spec.commandLine(), "--rate must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = quiet ? Progress.NONE
                : new ProgressBar(spec.commandLine().getErr(), System.console() != null);
        try (AwsClients clients = new AwsClients(endpoint.config())) {
            BackfillSummary summary = new Backfill(clients)
                    .run(new Backfill.Options(prefix, staleOnly, dryRun, rate), progress);
            out.println(summary.describe(clients.config().bucket(), prefix, clients.config().ingestQueue()));
        }
        out.flush();
        return 0;
    }
}
