package dev.mediapipeline.app.command;

import dev.mediapipeline.app.ops.deadletter.DeadLetter;
import dev.mediapipeline.app.ops.deadletter.DeadLetters;
import dev.mediapipeline.app.ops.queue.Ages;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.indexer.redrive.IndexRedrive;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "The ingest dead-letter queue: list its messages with their reasons, or move them back; "
                + "redrive --index repairs the tag index from the index dead-letter queue.",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Redrive.class})
public final class DlqCommand {

    private static DeadLetters deadLetters(AwsClients clients) {
        PipelineConfig c = clients.config();
        return new DeadLetters(clients.sqs(), clients.sqs().getQueueUrl(r -> r.queueName(c.ingestDlq())).queueUrl(),
                clients.sqs().getQueueUrl(r -> r.queueName(c.ingestQueue())).queueUrl());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Peek at dead letters: age, receives, ErrorClass, key and Error. They stay in the DLQ.")
    static final class ListLetters implements Callable<Integer> {

        @Mixin
        ToolEndpoint endpoint;

        @Option(names = "--max", paramLabel = "N", defaultValue = "50", description = "Default: ${DEFAULT-VALUE}.")
        int max;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (AwsClients clients = new AwsClients(endpoint.config())) {
                List<DeadLetter> letters = deadLetters(clients).list(Math.max(1, max));
                out.printf("%-8s %-18s %-40s %s%n", "AGE", "ERRORCLASS", "KEY", "ERROR");
                Instant now = Instant.now();
                for (DeadLetter l : letters) {
                    out.printf("%-8s %-18s %-40s %s%n", Ages.human(Duration.between(l.sentAt(), now)),
                            l.errorClass(), l.key(), l.error());
                }
                out.println(letters.size() + " dead letter(s) in " + clients.config().ingestDlq()
                        + (letters.size() == max ? " (showing the first " + max + "; --max for more)" : ""));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = "Move dead letters back to the ingest queue, without their ErrorClass/Error attributes; "
                    + "with --index, re-project the items of the records parked on the index DLQ into the tag index.")
    static final class Redrive implements Callable<Integer> {

        @Mixin
        ToolEndpoint endpoint;

        @Option(names = "--max", paramLabel = "N", description = "Move at most N. Default: all.")
        Integer max;

        @Option(names = "--force", description = "Also move letters that cannot succeed (invalid-key, "
                + "malformed-event): they come straight back.")
        boolean force;

        @Option(names = "--index", description = "Take the index DLQ's parked stream records instead: each "
                + "record's item is re-projected from the UserMedia table as it is now.")
        boolean index;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            try (AwsClients clients = new AwsClients(endpoint.config())) {
                PipelineConfig c = clients.config();
                if (index) {
                    IndexRedrive.Result done = new IndexRedrive(clients)
                            .redrive(max == null ? Integer.MAX_VALUE : Math.max(0, max));
                    out.println("Re-projected " + done.repaired() + " item(s) of " + c.indexDlq() + " into "
                            + c.tagIndexTable());
                    if (done.parkedAgain() > 0) {
                        out.println("Parked " + done.parkedAgain() + " again in " + c.indexDlq()
                                + ": their writes still fail");
                    }
                    if (done.unreadable() > 0) {
                        out.println("Left " + done.unreadable() + " in " + c.indexDlq()
                                + " that are not stream records");
                    }
                    out.flush();
                    return done.parkedAgain() > 0 ? 1 : 0;
                }
                DeadLetters.Redriven done = deadLetters(clients)
                        .redrive(max == null ? Integer.MAX_VALUE : Math.max(0, max), force);
                out.println("Redrove " + done.moved() + " message(s) from " + c.ingestDlq() + " to " + c.ingestQueue());
                if (done.skipped() > 0) {
                    out.println("Left " + done.skipped() + " in " + c.ingestDlq() + " that cannot succeed "
                            + "(invalid-key, malformed-event); --force moves them too");
                }
            }
            out.flush();
            return 0;
        }
    }
}
