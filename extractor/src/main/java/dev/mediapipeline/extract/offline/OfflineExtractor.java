package dev.mediapipeline.extract.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mediapipeline.extract.MediaExtraction;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.read.ByteSource;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.FileByteSource;
import dev.mediapipeline.extract.read.S3RangeSource;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The {@code extract FILE|DIR|s3://bucket/key ...} command: the same extraction the worker runs, on local
 * files or S3 objects, N at a time, printed as one JSON object per input line in input order, with the
 * item attribute names plus "File".
 */
public final class OfflineExtractor {

    /** Told after each input is written: how many are done out of how many. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /** What a run did: inputs written and how many of them FAILED or could not be read. */
    public record Summary(int total, int failed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final ExtractionLimits limits;
    private final int threads;
    private final Supplier<S3Client> s3;

    /**
     * @param s3 called once, only when an s3:// input appears
     */
    public OfflineExtractor(ExtractionLimits limits, int threads, Supplier<S3Client> s3) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.limits = limits;
        this.threads = threads;
        this.s3 = memoise(s3);
    }

    /**
     * Extracts every input (directories are walked, files in name order) and writes one line each to
     * {@code out}, in input order.
     */
    public Summary run(List<String> inputs, Writer out, Progress progress) throws IOException {
        List<String> files = expand(inputs);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "extract");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Line>> window = new ArrayDeque<>();
            int next = 0;
            int done = 0;
            int failed = 0;
            while (done < files.size()) {
                // A bounded window keeps memory flat on huge lists while every thread stays busy.
                while (next < files.size() && window.size() < threads * 4) {
                    String file = files.get(next++);
                    window.add(pool.submit(() -> extractOne(file)));
                }
                Line line = await(window.removeFirst());
                if (!line.ready()) {
                    failed++;
                }
                out.write(line.json());
                out.write('\n');
                done++;
                progress.update(done, files.size());
            }
            out.flush();
            return new Summary(files.size(), failed);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One input's output line, serialised by the thread that extracted it rather than by the writer. */
    private record Line(String json, boolean ready) {
    }

    private Line extractOne(String file) throws IOException {
        Map<String, Object> line = attributes(file);
        return new Line(JSON.writeValueAsString(line), MediaMetadata.STATUS_READY.equals(line.get("Status")));
    }

    private Map<String, Object> attributes(String file) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("File", file);
        try (ByteSource source = open(file)) {
            line.putAll(MediaExtraction.extract(source, limits).toAttributes());
        } catch (IOException | RuntimeException e) {
            line.put("Status", MediaMetadata.STATUS_FAILED);
            line.put("Error", "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return line;
    }

    private ByteSource open(String file) throws IOException {
        if (file.startsWith("s3://")) {
            String rest = file.substring("s3://".length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw new IOException("not an s3://bucket/key URI: " + file);
            }
            String bucket = rest.substring(0, slash);
            String key = rest.substring(slash + 1);
            HeadObjectResponse head = s3.get().headObject(b -> b.bucket(bucket).key(key));
            return new S3RangeSource(s3.get(), bucket, key, head.eTag(), head.contentLength());
        }
        return new FileByteSource(Path.of(file));
    }

    private static List<String> expand(List<String> inputs) throws IOException {
        List<String> files = new ArrayList<>();
        for (String input : inputs) {
            Path path = input.startsWith("s3://") ? null : Path.of(input);
            if (path != null && Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).map(Path::toString).sorted().forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    private static Line await(Future<Line> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("extraction failed: " + e.getCause(), e.getCause());
        }
    }

    private static Supplier<S3Client> memoise(Supplier<S3Client> supplier) {
        return new Supplier<>() {
            private S3Client client;

            @Override
            public synchronized S3Client get() {
                if (client == null) {
                    client = supplier.get();
                }
                return client;
            }
        };
    }
}
