package dev.mediapipeline.app;

import dev.mediapipeline.app.command.BackfillCommand;
import dev.mediapipeline.app.command.DlqCommand;
import dev.mediapipeline.app.command.EventsCommand;
import dev.mediapipeline.app.command.ExtractCommand;
import dev.mediapipeline.app.command.IndexerWorkerCommand;
import dev.mediapipeline.app.command.IngestWorkerCommand;
import dev.mediapipeline.app.command.LocalAwsCommand;
import dev.mediapipeline.app.command.ProvisionCommand;
import dev.mediapipeline.app.command.QueryCommand;
import dev.mediapipeline.app.command.RunCommand;
import dev.mediapipeline.app.command.StartupFailure;
import dev.mediapipeline.app.command.StatusCommand;
import dev.mediapipeline.app.command.UploadCommand;
import dev.mediapipeline.app.launch.ExtractRelaunch;
import dev.mediapipeline.bench.BenchCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.OptionalInt;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** The one executable. With no command it runs the whole pipeline on the embedded stack. */
@Command(name = "media-pipeline", mixinStandardHelpOptions = true, version = MediaPipeline.VERSION,
        description = "Files dropped into an S3 bucket become enriched, queryable DynamoDB items.",
        subcommands = {RunCommand.class, LocalAwsCommand.class, IngestWorkerCommand.class,
                IndexerWorkerCommand.class, ProvisionCommand.class, ExtractCommand.class, UploadCommand.class,
                QueryCommand.class, EventsCommand.class, StatusCommand.class, DlqCommand.class, BackfillCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class MediaPipeline {

    public static final String VERSION = "media-pipeline 0.1.0";

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
                    .setParameterExceptionHandler(MediaPipeline::misused).execute(Arrays.copyOfRange(args, 1, args.length));
        }
        String[] effective = args.length == 0 ? new String[] {"run"} : args;
        return commandLine().execute(effective);
    }

    /** Every command, with failures and misuse reported the way {@link #failed} and {@link #misused} say. */
    public static CommandLine commandLine() {
        return new CommandLine(new MediaPipeline()).setExecutionExceptionHandler(MediaPipeline::failed)
                .setParameterExceptionHandler(MediaPipeline::misused);
    }

    /** Accepted by every command: a failure then prints its stack trace. */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show the stack trace of a failure.")
    boolean debug;

    /**
     * A failure is one line on stderr, e.g. {@code media-pipeline run: port 4566 on 127.0.0.1 is in use ...;
     * stop it, or pick another: --port N}; the stack trace only with --debug or MEDIA_LOG_LEVEL=DEBUG.
     */
    public static int failed(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        boolean trace = command.getParseResult().hasMatchedOption("--debug")
                || LoggerFactory.getLogger("dev.mediapipeline").isDebugEnabled();
        if (trace) {
            e.printStackTrace(err);
        }
        String reason = e instanceof StartupFailure ? e.getMessage()
                : "failed: " + e + (trace ? "" : " (--debug shows where)");
        err.println(command.getCommandSpec().qualifiedName() + ": " + reason);
        err.flush();
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    /**
     * A command line that cannot be used (an unknown option, a bad value) is its reason and where to find the
     * options, not the whole usage text, which would bury the one line that matters.
     */
    public static int misused(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static boolean isExtract(String[] args) {
        return args.length > 0 && args[0].equals("extract");
    }
}
