package dev.mediapipeline.app.command;

import dev.mediapipeline.common.config.PipelineConfig;
import java.io.PrintStream;
import java.util.Optional;

/** What a newcomer needs on screen once things are up: where to send files and how to look at results. */
final class Banner {

    private Banner() {
    }

    static void print(PrintStream out, PipelineConfig config, ProcessHost.Plan plan, Optional<Integer> opsPort) {
        String endpoint = config.endpoint().map(Object::toString).orElse("(default AWS chain)");
        out.println();
        out.println("media-pipeline is up.");
        out.println("  AWS endpoint   " + endpoint + "  region " + config.region()
                + (plan.embedded().isPresent() ? "  (any credentials)" : ""));
        out.println("  Bucket         s3://" + config.bucket() + "/users/<user>/...");
        out.println("  Tables         " + config.mediaTable() + ", " + config.tagIndexTable());
        out.println("  Workers        " + (plan.ingest() ? "ingest " : "") + (plan.indexer() ? "indexer" : "")
                + (plan.ingest() || plan.indexer() ? "" : "none")
                + (plan.compute() == Compute.lambda && (plan.ingest() || plan.indexer())
                        ? "  (Lambda handlers behind in-process event source mappings)" : ""));
        opsPort.ifPresent(p -> out.println("  Ops            http://127.0.0.1:" + p + "/  (/metrics /health /ready)"));
        if (config.endpoint().isPresent()) {
            String e = config.endpoint().get().toString();
            out.println();
            out.println("Drop a file in with the stock AWS CLI:");
            out.println("  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --endpoint-url " + e + " --region "
                    + config.region() + " s3 cp photo.jpg s3://" + config.bucket()
                    + "/users/alice/photo.jpg --metadata '{\"tags\":\"beach,summer\"}'");
            out.println("Then look it up:");
            out.println("  java -jar app/target/media-pipeline.jar query --endpoint " + e
                    + " --user alice --tag beach");
        }
        out.println("Ctrl-C drains the workers and stops.");
        out.flush();
    }
}
