package dev.mediapipeline.app;

import dev.mediapipeline.app.bench.BenchCommand;
import dev.mediapipeline.app.command.BackfillCommand;
import dev.mediapipeline.app.command.DlqCommand;
import dev.mediapipeline.app.command.ExtractCommand;
import dev.mediapipeline.app.command.IndexerWorkerCommand;
import dev.mediapipeline.app.command.IngestWorkerCommand;
import dev.mediapipeline.app.command.LocalAwsCommand;
import dev.mediapipeline.app.command.ProvisionCommand;
import dev.mediapipeline.app.command.QueryCommand;
import dev.mediapipeline.app.command.RunCommand;
import dev.mediapipeline.app.command.StatusCommand;
import dev.mediapipeline.app.command.UploadCommand;
import dev.mediapipeline.app.launch.ExtractRelaunch;
import java.util.Arrays;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one executable. With no command it runs the whole pipeline on the embedded stack. */
@Command(name = "media-pipeline", mixinStandardHelpOptions = true, version = "media-pipeline 0.1.0",
        description = "Files dropped into an S3 bucket become enriched, queryable DynamoDB items.",
        subcommands = {RunCommand.class, LocalAwsCommand.class, IngestWorkerCommand.class,
                IndexerWorkerCommand.class, ProvisionCommand.class, ExtractCommand.class, UploadCommand.class,
                QueryCommand.class, StatusCommand.class, DlqCommand.class, BackfillCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class MediaPipeline {

    public static void main(String[] args) {
        if (isExtract(args)) {
            OptionalInt relaunched = ExtractRelaunch.run(args);
            if (relaunched.isPresent()) {
                System.exit(relaunched.getAsInt());
            }
        }
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        if (isExtract(args)) {
            // Only this command's model: picocli reflects over every class of every subcommand it is given,
            // which costs a one-file extract more than the extraction.
            return new CommandLine(new ExtractCommand()).setCommandName("media-pipeline extract")
                    .execute(Arrays.copyOfRange(args, 1, args.length));
        }
        CommandLine cli = new CommandLine(new MediaPipeline());
        String[] effective = args.length == 0 ? new String[] {"run"} : args;
        return cli.execute(effective);
    }

    private static boolean isExtract(String[] args) {
        return args.length > 0 && args[0].equals("extract");
    }
}
