package dev.mediapipeline.bench;

import dev.mediapipeline.bench.dynamodb.DynamoDbBenchCommand;
import dev.mediapipeline.bench.extract.ExtractBenchCommand;
import dev.mediapipeline.bench.memory.MemoryBenchCommand;
import dev.mediapipeline.bench.pipeline.PipelineBenchCommand;
import dev.mediapipeline.common.launch.ChildJvm;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Benchmarks. Each prints a markdown table and writes markdown + JSON (and a PNG chart for "
                + "pipeline) under --out. Machines are noisy: every figure sits next to a baseline measured in "
                + "the same run, or (dynamodb) next to the process CPU it cost.",
        subcommands = {ExtractBenchCommand.class, PipelineBenchCommand.class, MemoryBenchCommand.class,
                DynamoDbBenchCommand.class})
public final class BenchCommand implements Callable<Integer> {

    private static final int SHOWN_ARGS = 12;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: extract, pipeline, memory or dynamodb");
    }

    /**
     * The command line to reproduce a run, for reports: the launcher plus the arguments as given (a long list
     * of files is shortened).
     */
    public static String reproduce(CommandSpec spec) {
        List<String> args = spec.commandLine().getParseResult().originalArgs().stream()
                .map(a -> a.contains(" ") ? "'" + a + "'" : a).toList();
        String shown = args.size() <= SHOWN_ARGS ? String.join(" ", args)
                : String.join(" ", args.subList(0, SHOWN_ARGS)) + " ... (" + (args.size() - SHOWN_ARGS) + " more)";
        return ChildJvm.describe() + " " + shown;
    }
}
