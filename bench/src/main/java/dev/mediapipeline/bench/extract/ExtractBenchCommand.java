package dev.mediapipeline.bench.extract;

import dev.mediapipeline.bench.BenchCommand;
import dev.mediapipeline.bench.BenchInputs;
import dev.mediapipeline.bench.OutputOptions;
import dev.mediapipeline.bench.TimedProcess;
import dev.mediapipeline.bench.report.Machine;
import dev.mediapipeline.common.launch.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extraction speed: in-process per format, and as whole processes side by side with "
                + "exiftool (batch and per file) and ffprobe (per file) on the same files, when installed.")
public final class ExtractBenchCommand implements Callable<Integer> {

    /** Linux allows about 2 MB of arguments and environment; stay well below. */
    private static final int COMMAND_LINE_BUDGET = 1_000_000;
    private static final Set<Integer> ANY_EXIT = IntStream.range(0, 256).boxed().collect(Collectors.toSet());

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR",
            description = "Files or directories. Default: the sample corpus (-Dcorpus.dir, else testdata/corpus); "
                    + "for a larger set, pass its folder of files.")
    List<Path> inputs;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "10",
            description = "Batch runs get the file list N times over (the same paths repeated), so JVM and Perl "
                    + "start are amortised as in real batches. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "Whole-process runs per contender, interleaved; the median counts. "
                    + "Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--threads", paramLabel = "N", description = "In-process extraction threads. Default: cores.")
    Integer threads;

    @Option(names = "--per-file", paramLabel = "N", defaultValue = "20",
            description = "Files (spread over the list) run one process per file with extract and exiftool; "
                    + "0 skips. Default: ${DEFAULT-VALUE}.")
    int perFile;

    @Option(names = "--java-options", paramLabel = "OPTS",
            description = "Also run the extract batch in the JVM started with these options (repeatable; "
                    + "-Dmedia-pipeline.extract.inProcess=true is added, else extract's own JVM would not get "
                    + "them), e.g. '-XX:+UseParallelGC'.")
    List<String> javaOptions = List.of();

    @Option(names = "--no-tools", description = "Do not run exiftool and ffprobe even if installed.")
    boolean noTools;

    @Option(names = "--exiftool", paramLabel = "PATH", defaultValue = "exiftool",
            description = "Default: exiftool on the PATH.")
    String exiftoolName;

    @Option(names = "--ffprobe", paramLabel = "PATH", defaultValue = "ffprobe",
            description = "Default: ffprobe on the PATH.")
    String ffprobeName;

    @Override
    public Integer call() throws Exception {
        Machine machine = Machine.current();
        List<Path> files = BenchInputs.files(inputs);
        long bytes = files.stream().mapToLong(BenchInputs::size).sum();
        int n = threads != null ? threads : machine.cores();
        int passChars = files.stream().mapToInt(f -> f.toString().length() + 1).sum();
        int times = Math.max(1, Math.min(repeat, COMMAND_LINE_BUDGET / passChars));
        List<Path> batch = Collections.nCopies(times, files).stream().flatMap(List::stream).toList();

        ExtractReport report = new ExtractReport(BenchCommand.reproduce(spec), machine);
        report.inputs(files.size(), bytes, times, batch.size(), times < repeat, runs);

        Map<String, InProcessExtraction.Pass> byFormat = new TreeMap<>();
        InProcessExtraction.Pass overall;
        try (InProcessExtraction inProcess = new InProcessExtraction(n)) {
            InProcessExtraction.Pass warmUp = inProcess.run(files);
            // one unmeasured pass over the batch, so that the figures are those of JIT-compiled code
            inProcess.run(batch);
            overall = inProcess.run(batch);
            Map<String, List<Path>> groups = warmUp.outcomes().stream().collect(Collectors.groupingBy(
                    InProcessExtraction.Outcome::contentType, TreeMap::new,
                    Collectors.mapping(InProcessExtraction.Outcome::file, Collectors.toList())));
            for (Map.Entry<String, List<Path>> g : groups.entrySet()) {
                byFormat.put(g.getKey(), inProcess.run(Collections.nCopies(times, g.getValue()).stream()
                        .flatMap(List::stream).toList()));
            }
        }

        Path scratch = Files.createTempDirectory("bench-extract");
        try {
            report.wholeProcesses(sideBySide(files, batch, bytes * times, scratch), overall, n);
        } finally {
            try (var leftovers = Files.list(scratch)) {
                for (Path p : leftovers.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(scratch);
        }
        report.inProcess(n, overall, byFormat);
        report.settings(Map.of("files", files.size(), "repeat", times, "runs", runs, "threads", n,
                "perFileSample", perFile, "javaOptions", javaOptions));
        report.write(output.dir(), System.out);
        return 0;
    }

    private SideBySide sideBySide(List<Path> files, List<Path> batch, long batchBytes, Path scratch)
            throws Exception {
        List<String> paths = batch.stream().map(Path::toString).toList();
        List<Contender> contenders = new ArrayList<>();
        contenders.add(ours("one process, list x" + batch.size() / files.size(), List.of(), paths, batchBytes));
        for (String opts : javaOptions) {
            contenders.add(ours("one process, list x" + batch.size() / files.size() + ", JVM " + opts,
                    Stream.concat(Stream.of("-D" + ChildJvm.EXTRACT_IN_PROCESS + "=true"), Stream.of(opts.strip().split("\\s+")))
                            .toList(), paths, batchBytes));
        }
        Path exiftool = noTools ? null : TimedProcess.find(exiftoolName);
        Path ffprobe = noTools ? null : TimedProcess.find(ffprobeName);
        Contender exiftoolBatch = null;
        if (exiftool != null) {
            exiftoolBatch = Contender.of("exiftool -j -n -fast", "one process, list x" + batch.size() / files.size(),
                    concat(List.of(exiftool.toString(), "-j", "-n", "-fast"), paths), Set.of(0, 1),
                    "\"SourceFile\":", batch.size(), batchBytes);
            contenders.add(exiftoolBatch);
        }
        for (int r = 0; r < runs; r++) {
            for (Contender c : contenders) {
                c.runOnce(scratch);
            }
        }
        List<Path> sample = sample(files, perFile);
        long sampleBytes = sample.stream().mapToLong(BenchInputs::size).sum();
        List<Contender> perFileRuns = new ArrayList<>();
        if (!sample.isEmpty()) {
            for (Path file : sample) {
                perFileRuns.add(ours("one process per file", List.of(), List.of(file.toString()),
                        BenchInputs.size(file)));
                if (exiftool != null) {
                    perFileRuns.add(Contender.of("exiftool -j -n -fast", "one process per file",
                            List.of(exiftool.toString(), "-j", "-n", "-fast", file.toString()), Set.of(0, 1),
                            "\"SourceFile\":", 1, BenchInputs.size(file)));
                }
            }
            for (Contender c : perFileRuns) {
                c.runOnce(scratch);
            }
        }
        List<Contender> ffprobeRuns = new ArrayList<>();
        if (ffprobe != null) {
            for (Path file : files) {
                Contender c = Contender.of("ffprobe -show_format -show_streams", "one process per file",
                        List.of(ffprobe.toString(), "-v", "error", "-print_format", "json", "-show_format",
                                "-show_streams", file.toString()), ANY_EXIT, "\"format\"", 1, BenchInputs.size(file));
                c.runOnce(scratch);
                ffprobeRuns.add(c);
            }
        }
        return new SideBySide(contenders, exiftoolBatch, perFileRuns, sample.size(), sampleBytes, ffprobeRuns,
                files.size(), files.stream().mapToLong(BenchInputs::size).sum());
    }

    private static Contender ours(String how, List<String> jvmOptions, List<String> paths, long bytes) {
        return Contender.of("media-pipeline extract", how,
                ChildJvm.command(jvmOptions, concat(List.of("extract", "--quiet"), paths)), Set.of(0, 2),
                "(?m)^\\{\"File\":", paths.size(), bytes);
    }

    /** Every k-th file, so that a sample spreads over the formats of a sorted list. */
    private static List<Path> sample(List<Path> files, int size) {
        if (size <= 0) {
            return List.of();
        }
        int k = Math.max(1, files.size() / size);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < files.size() && out.size() < size; i += k) {
            out.add(files.get(i));
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
