package dev.mediapipeline.bench.memory;

import static dev.mediapipeline.common.item.ItemAttributes.BYTES_READ;
import static dev.mediapipeline.common.item.ItemAttributes.DURATION;
import static dev.mediapipeline.common.item.ItemAttributes.HEIGHT;
import static dev.mediapipeline.common.item.ItemAttributes.MEDIA_ID;
import static dev.mediapipeline.common.item.ItemAttributes.PROCESSED_AT;
import static dev.mediapipeline.common.item.ItemAttributes.STATUS;
import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;
import static dev.mediapipeline.common.item.ItemAttributes.VIDEO_CODEC;
import static dev.mediapipeline.common.item.ItemAttributes.WIDTH;

import dev.mediapipeline.bench.BenchCommand;
import dev.mediapipeline.bench.BenchInputs;
import dev.mediapipeline.bench.OutputOptions;
import dev.mediapipeline.bench.report.Machine;
import dev.mediapipeline.bench.report.Report;
import dev.mediapipeline.bench.report.Table;
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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
        Report report = new Report("memory", "Memory and bytes fetched for huge objects", BenchCommand.reproduce(spec),
                machine);
        try {
            Path bigVideo = work.resolve("huge-moov-at-end.mp4");
            long videoLength = SparseMp4.write(videoSource, bigVideo, videoSize);
            Path bigJpeg = work.resolve("huge-photo.jpg");
            Files.copy(jpegSource, bigJpeg);
            try (RandomAccessFile f = new RandomAccessFile(bigJpeg.toFile(), "rw")) {
                f.setLength(Math.max(jpegSize, f.length()));
            }
            report.note(String.format(Locale.ROOT, "Objects: `%s` laid out again as ftyp + a %.2f GiB mdat (its "
                            + "media data, then a sparse hole) + moov at the end with its chunk offsets moved; `%s` "
                            + "followed by zero padding to %.0f MiB. Uploaded to an embedded stack (filesystem store) "
                            + "and processed by `ingest-worker` in a child JVM with -Xmx%s, default worker settings. "
                            + "Peak heap: the larger of jstat samples every 100 ms and heap-before-GC in the GC log.",
                    videoSource.getFileName(), videoLength / (double) (1L << 30), jpegSource.getFileName(),
                    Files.size(bigJpeg) / (double) (1 << 20), heap));
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

    private void run(Report report, Path work, List<Subject> subjects) throws Exception {
        String user = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        LocalAwsOptions options = LocalAwsOptions.defaults().withPort(0).withDataDir(work.resolve("aws"));
        Table objects = new Table("object", "MiB", "Status", "bytes read", "read %", "parsed as",
                "same as the original", "upload s", "upload→item s");
        List<String> verdicts = new ArrayList<>();
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
                    objects.row(row(s, item, putStart, putEnd, verdicts));
                }
            } finally {
                exit = worker.stop();
            }
            watch.close();
            gc = HeapWatch.parse(worker.gcLog());
            long limit = new ByteSize().convert(heap);
            long peak = Math.max(watch.maxSampledBytes(), gc.maxBeforeBytes());
            Table heapTable = new Table("worker JVM (-Xmx" + heap + ")", "value");
            heapTable.row("peak heap used, MiB (incl. garbage)", mib(peak));
            heapTable.row("  jstat, highest of " + watch.samples() + " samples, MiB", mib(watch.maxSampledBytes()));
            heapTable.row("  GC log, highest before a pause, MiB", mib(gc.maxBeforeBytes()));
            heapTable.row("highest live heap after a pause, MiB", mib(gc.maxAfterBytes()));
            heapTable.row("GC pauses / full GCs", gc.collections() + " / " + gc.fullCollections());
            heapTable.row("exit code after SIGTERM (3 = OutOfMemoryError)", exit);
            report.table("objects", "Objects", objects);
            report.table("heap", "Worker heap", heapTable);
            verdicts.add(String.format(Locale.ROOT, "peak heap %.0f MiB (< %.0f MiB): %s", mib(peak), mib(limit),
                    peak < limit && exit != 3 ? "met" : "NOT met"));
            report.note("**Targets:** " + String.join("; ", verdicts) + ".");
            report.note("Worker log: `" + worker.log() + "`, GC log: `" + worker.gcLog() + "`.");
            report.data("heapBytes", Map.of("peak", peak, "jstatMax", watch.maxSampledBytes(), "gcMaxBefore",
                    gc.maxBeforeBytes(), "gcMaxAfter", gc.maxAfterBytes(), "limit", limit));
        }
    }

    private static Object[] row(Subject s, Map<String, AttributeValue> item, Instant putStart, Instant putEnd,
                                List<String> verdicts) throws IOException {
        long size = Files.size(s.file());
        long read = Long.parseLong(item.get(BYTES_READ).n());
        MediaMetadata original = extract(s.source());
        String parsed = describe(item.get(WIDTH), item.get(HEIGHT), item.get(DURATION), item.get(VIDEO_CODEC));
        String expected = describe(value(original.width()), value(original.height()),
                original.durationMillis() == null ? null
                        : AttributeValue.fromN(BigDecimal.valueOf(original.durationMillis(), 3).toPlainString()),
                original.videoCodec() == null ? null : AttributeValue.fromS(original.videoCodec()));
        double percent = 100.0 * read / size;
        verdicts.add(String.format(Locale.ROOT, "%s fetched %.3f%% (≤ %.0f%%): %s", s.name(), percent,
                TARGET_READ_PERCENT, percent <= TARGET_READ_PERCENT ? "met" : "NOT met"));
        Instant processed = Instant.parse(item.get(PROCESSED_AT).s());
        return new Object[] {s.file().getFileName().toString(), size / (double) (1 << 20), item.get(STATUS).s(),
                read, percent, parsed, parsed.equals(expected) ? "yes" : "NO (original: " + expected + ")",
                Duration.between(putStart, putEnd).toMillis() / 1000.0,
                Duration.between(putEnd, processed).toMillis() / 1000.0};
    }

    private static String describe(AttributeValue w, AttributeValue h, AttributeValue duration, AttributeValue codec) {
        StringBuilder s = new StringBuilder();
        if (w != null) {
            s.append(w.n()).append('x').append(h.n());
        }
        if (duration != null) {
            s.append(s.isEmpty() ? "" : ", ").append(new BigDecimal(duration.n()).stripTrailingZeros()
                    .toPlainString()).append(" s");
        }
        if (codec != null) {
            s.append(", ").append(codec.s());
        }
        return s.toString();
    }

    private static AttributeValue value(Integer n) {
        return n == null ? null : AttributeValue.fromN(n.toString());
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

    private static double mib(long bytes) {
        return bytes / (double) (1 << 20);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
