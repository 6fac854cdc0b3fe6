package dev.mediapipeline.bench.memory;

import static dev.mediapipeline.common.item.ItemAttributes.MEDIA_ID;
import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;

import dev.mediapipeline.bench.BenchCommand;
import dev.mediapipeline.bench.BenchInputs;
import dev.mediapipeline.bench.OutputOptions;
import dev.mediapipeline.bench.report.Machine;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.key.MediaKey;
import dev.mediapipeline.common.launch.ChildJvm;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.extract.MediaExtraction;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.FileByteSource;
import dev.mediapipeline.localaws.LocalAws;
import dev.mediapipeline.localaws.LocalAwsOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "A sparse multi-GB MP4 with its moov at the end and a large JPEG through the ingest worker "
                + "running in a child JVM with a small heap: peak heap and bytes fetched.")
public final class MemoryBenchCommand implements Callable<Integer> {

    private static final double TARGET_READ_PERCENT = 2.0;
    private static final Duration ITEM_WAIT = Duration.ofMinutes(10);
    private static final Duration WORKER_START = Duration.ofMinutes(2);

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--video-size", paramLabel = "SIZE", defaultValue = "2g", converter = ByteSize.class,
            description = "Size of the sparse MP4. Default: ${DEFAULT-VALUE}.")
    long videoSize;

    @Option(names = "--jpeg-size", paramLabel = "SIZE", defaultValue = "50m", converter = ByteSize.class,
            description = "Size of the padded JPEG. Default: ${DEFAULT-VALUE}.")
    long jpegSize;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "256m",
            description = "-Xmx of the worker JVM. Default: ${DEFAULT-VALUE}.")
    String heap;

    @Option(names = "--video", paramLabel = "FILE",
            description = "Small MP4/MOV to blow up. Default: the first suitable one of the corpus.")
    Path video;

    @Option(names = "--jpeg", paramLabel = "FILE",
            description = "JPEG to pad. Default: the first good one of the corpus.")
    Path jpeg;

    @Option(names = "--keep", description = "Keep the generated files and the stack's data dir.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        Machine machine = Machine.current();
        Path videoSource = video != null ? video
                : pick(f -> f.toString().endsWith(".mp4") && SparseMp4.suitable(f) && isVideo(f));
        Path jpegSource = jpeg != null ? jpeg : pick(MemoryBenchCommand::isJpeg);
        Path work = Files.createTempDirectory("bench-memory");
        Files.createDirectories(output.dir());
        MemoryReport report = new MemoryReport(BenchCommand.reproduce(spec), machine);
        try {
            Path bigVideo = work.resolve("huge-moov-at-end.mp4");
            long videoLength = SparseMp4.write(videoSource, bigVideo, videoSize);
            Path bigJpeg = work.resolve("huge-photo.jpg");
            Files.copy(jpegSource, bigJpeg);
            try (RandomAccessFile f = new RandomAccessFile(bigJpeg.toFile(), "rw")) {
                f.setLength(Math.max(jpegSize, f.length()));
            }
            report.setup(videoSource, videoLength, jpegSource, Files.size(bigJpeg), heap);
            run(report, work, List.of(new Subject("video", videoSource, bigVideo), new Subject("jpeg", jpegSource,
                    bigJpeg)));
        } finally {
            if (!keep) {
                delete(work);
            }
        }
        report.write(output.dir(), System.out);
        return 0;
    }

    /** One huge object and the small original it was made from. */
    private record Subject(String name, Path source, Path file) {
    }

    private void run(MemoryReport report, Path work, List<Subject> subjects) throws Exception {
        String user = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        LocalAwsOptions options = LocalAwsOptions.defaults().withPort(0).withDataDir(work.resolve("aws"));
        try (LocalAws aws = LocalAws.start(options);
             AwsClients clients = new AwsClients(PipelineConfig.defaults().withEndpoint(aws.endpoint()))) {
            new Provisioner(clients).provision();
            WorkerProcess worker = WorkerProcess.start(aws.endpoint(), heap, output.dir());
            HeapWatch.GcSummary gc;
            HeapWatch watch;
            int exit;
            try {
                worker.awaitReady(WORKER_START);
                watch = HeapWatch.start(ChildJvm.jdkTool("jstat"), worker.pid());
                for (Subject s : subjects) {
                    String key = MediaKey.PREFIX + user + "/" + s.file().getFileName();
                    Instant putStart = Instant.now();
                    clients.s3().putObject(r -> r.bucket(clients.config().bucket()).key(key),
                            RequestBody.fromFile(s.file()));
                    Instant putEnd = Instant.now();
                    Map<String, AttributeValue> item = awaitItem(clients, user, s.file().getFileName().toString(),
                            worker);
                    report.object(s.name(), s.file(), Files.size(s.file()), item, extract(s.source()), putStart,
                            putEnd);
                }
            } finally {
                exit = worker.stop();
            }
            watch.close();
            gc = HeapWatch.parse(worker.gcLog());
            report.heap(heap, new ByteSize().convert(heap), watch, gc, exit, worker.log(), worker.gcLog());
        }
    }

    private static Map<String, AttributeValue> awaitItem(AwsClients clients, String user, String mediaId,
                                                         WorkerProcess worker) throws Exception {
        long deadline = System.nanoTime() + ITEM_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, AttributeValue> item = clients.dynamoDb().getItem(r -> r
                    .tableName(clients.config().mediaTable())
                    .key(Map.of(USER_ID, AttributeValue.fromS(user), MEDIA_ID, AttributeValue.fromS(mediaId)))).item();
            if (item != null && !item.isEmpty()) {
                return item;
            }
            if (!worker.isAlive()) {
                throw new IllegalStateException("the worker died before " + mediaId + " became an item: "
                        + worker.tail());
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(mediaId + " did not become an item within " + ITEM_WAIT + ": " + worker.tail());
    }

    private static MediaMetadata extract(Path file) throws IOException {
        try (FileByteSource source = new FileByteSource(file)) {
            return MediaExtraction.extract(source, ExtractionLimits.defaults());
        }
    }

    private static boolean isVideo(Path file) {
        try {
            MediaMetadata m = extract(file);
            return "video".equals(m.type().wireName()) && m.durationMillis() != null && m.videoCodec() != null
                    && MediaMetadata.STATUS_READY.equals(m.status());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isJpeg(Path file) {
        try {
            MediaMetadata m = extract(file);
            return "image/jpeg".equals(m.contentType()) && m.width() != null
                    && MediaMetadata.STATUS_READY.equals(m.status());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path pick(java.util.function.Predicate<Path> fits) {
        return BenchInputs.files(List.of()).stream().filter(fits).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no suitable file in the corpus: pass one"));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
