package dev.mediapipeline.bench.memory;

import static dev.mediapipeline.common.item.ItemAttributes.BYTES_READ;
import static dev.mediapipeline.common.item.ItemAttributes.DURATION;
import static dev.mediapipeline.common.item.ItemAttributes.HEIGHT;
import static dev.mediapipeline.common.item.ItemAttributes.PROCESSED_AT;
import static dev.mediapipeline.common.item.ItemAttributes.STATUS;
import static dev.mediapipeline.common.item.ItemAttributes.VIDEO_CODEC;
import static dev.mediapipeline.common.item.ItemAttributes.WIDTH;

import dev.mediapipeline.bench.report.Machine;
import dev.mediapipeline.bench.report.Report;
import dev.mediapipeline.bench.report.Table;
import dev.mediapipeline.extract.MediaMetadata;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the memory benchmark measured: the items of the huge objects, the worker's heap, the targets. */
final class MemoryReport {

    private static final double TARGET_READ_PERCENT = 2.0;

    private final Report report;
    private final Table objects = new Table("object", "MiB", "Status", "bytes read", "read %", "parsed as",
            "same as the original", "upload s", "upload→item s");
    private final List<String> verdicts = new ArrayList<>();

    MemoryReport(String command, Machine machine) {
        report = new Report("memory", "Memory and bytes fetched for huge objects", command, machine);
    }

    void setup(Path videoSource, long videoLength, Path jpegSource, long jpegLength, String heap) {
        report.note(String.format(Locale.ROOT, "Objects: `%s` laid out again as ftyp + a %.2f GiB mdat (its "
                        + "media data, then a sparse hole) + moov at the end with its chunk offsets moved; `%s` "
                        + "followed by zero padding to %.0f MiB. Uploaded to an embedded stack (filesystem store) "
                        + "and processed by `ingest-worker` in a child JVM with -Xmx%s, default worker settings. "
                        + "Peak heap: the larger of jstat samples every 100 ms and heap-before-GC in the GC log.",
                videoSource.getFileName(), videoLength / (double) (1L << 30), jpegSource.getFileName(),
                mib(jpegLength), heap));
    }

    /** One huge object's item, against what extraction makes of the small original it was made from. */
    void object(String name, Path file, long size, Map<String, AttributeValue> item, MediaMetadata original,
                Instant putStart, Instant putEnd) {
        long read = Long.parseLong(item.get(BYTES_READ).n());
        String parsed = describe(item.get(WIDTH), item.get(HEIGHT), item.get(DURATION), item.get(VIDEO_CODEC));
        String expected = describe(value(original.width()), value(original.height()),
                original.durationMillis() == null ? null
                        : AttributeValue.fromN(BigDecimal.valueOf(original.durationMillis(), 3).toPlainString()),
                original.videoCodec() == null ? null : AttributeValue.fromS(original.videoCodec()));
        double percent = 100.0 * read / size;
        verdicts.add(String.format(Locale.ROOT, "%s fetched %.3f%% (≤ %.0f%%): %s", name, percent,
                TARGET_READ_PERCENT, percent <= TARGET_READ_PERCENT ? "met" : "NOT met"));
        Instant processed = Instant.parse(item.get(PROCESSED_AT).s());
        objects.row(file.getFileName().toString(), mib(size), item.get(STATUS).s(), read, percent, parsed,
                parsed.equals(expected) ? "yes" : "NO (original: " + expected + ")",
                Duration.between(putStart, putEnd).toMillis() / 1000.0,
                Duration.between(putEnd, processed).toMillis() / 1000.0);
    }

    void heap(String heap, long limit, HeapWatch watch, HeapWatch.GcSummary gc, int exit, Path log, Path gcLog) {
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
        report.note("Worker log: `" + log + "`, GC log: `" + gcLog + "`.");
        report.data("heapBytes", Map.of("peak", peak, "jstatMax", watch.maxSampledBytes(), "gcMaxBefore",
                gc.maxBeforeBytes(), "gcMaxAfter", gc.maxAfterBytes(), "limit", limit));
    }

    void write(Path dir, PrintStream out) throws IOException {
        report.write(dir, out);
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

    private static double mib(long bytes) {
        return bytes / (double) (1 << 20);
    }
}
