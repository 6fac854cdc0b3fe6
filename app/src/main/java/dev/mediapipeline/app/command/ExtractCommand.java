package dev.mediapipeline.app.command;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.extract.offline.OfflineExtractor;
import dev.mediapipeline.extract.offline.StderrProgress;
import dev.mediapipeline.extract.read.ExtractionLimits;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Offline extraction: one JSON object per input on stdout, with the item's attribute names "
                + "plus \"File\". Inputs are files, directories (walked) or s3://bucket/key.")
public final class ExtractCommand implements Callable<Integer> {

    @Mixin
    ToolEndpoint endpoint;

    @Option(names = "--threads", paramLabel = "N", description = "Files extracted at once. Default: cores.")
    Integer threads;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|s3://BUCKET/KEY")
    List<String> inputs;

    @Override
    public Integer call() throws Exception {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        AwsClients[] clients = new AwsClients[1];
        OfflineExtractor extractor = new OfflineExtractor(ExtractionLimits.defaults(), n, () -> {
            clients[0] = new AwsClients(endpoint.config());
            return clients[0].s3();
        });
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        try {
            OfflineExtractor.Summary summary = extractor.run(inputs, out,
                    quiet ? OfflineExtractor.Progress.NONE : new StderrProgress(System.err));
            out.flush();
            if (summary.failed() > 0 && !quiet) {
                System.err.println(summary.failed() + " of " + summary.total() + " input(s) FAILED (see Status/Error)");
            }
            return summary.failed() == 0 ? 0 : 2;
        } finally {
            if (clients[0] != null) {
                clients[0].close();
            }
        }
    }
}
