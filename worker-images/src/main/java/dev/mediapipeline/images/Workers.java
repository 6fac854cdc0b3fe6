package dev.mediapipeline.images;

import dev.mediapipeline.app.MediaPipeline;
import dev.mediapipeline.app.command.IndexerWorkerCommand;
import dev.mediapipeline.app.command.IngestWorkerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The entry point of the worker images, which carry the workers and nothing else (no benchmarks, no
 * emulator): {@link MediaPipeline} names every command, and picocli loads every command it is given. Here,
 * where neither module is on the class path, the compiler sees to it that this one names none of theirs.
 */
@Command(name = "media-pipeline", mixinStandardHelpOptions = true, version = MediaPipeline.VERSION,
        description = "The workers of media-pipeline, as their container images run them.",
        subcommands = {IngestWorkerCommand.class, IndexerWorkerCommand.class, CommandLine.HelpCommand.class})
public final class Workers {

    /** As on {@link MediaPipeline}: a failure then prints its stack trace. */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show the stack trace of a failure.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Workers()).setExecutionExceptionHandler(MediaPipeline::failed)
                .setParameterExceptionHandler(MediaPipeline::misused).execute(args));
    }
}
