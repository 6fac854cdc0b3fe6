package dev.mediapipeline.bench.pipeline;

import dev.mediapipeline.common.key.MediaKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Puts objects as an uploading client would, at a fixed rate: each upload starts on schedule whether or not
 * earlier ones have finished (an open loop), so a slow pipeline cannot slow the arrivals down and hide its
 * own latency. Keys sort in upload order: {@code users/<user>/<000042>-<file name>}.
 */
final class Uploader implements AutoCloseable {

    /** One object put, with when it was due, when the PUT started and when S3 answered. */
    record Upload(String mediaId, Path file, long size, Instant due, Instant putStart, Instant putEnd) {

        Duration startLag() {
            return Duration.between(due, putStart);
        }

        Duration put() {
            return Duration.between(putStart, putEnd);
        }
    }

    private final S3Client s3;
    private final String bucket;
    private final ExecutorService pool;

    Uploader(S3Client s3, String bucket, int threads) {
        this.s3 = s3;
        this.bucket = bucket;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-upload");
            t.setDaemon(true);
            return t;
        });
    }

    static String mediaId(int index, Path file) {
        return String.format("%06d-%s", index, file.getFileName());
    }

    /**
     * Uploads {@code count} objects, cycling through {@code files}, tagged {@code tags}.
     *
     * @param rate uploads per second; 0 or less: as fast as the upload threads go
     */
    List<Upload> upload(String user, String tags, List<Path> files, int count, double rate)
            throws InterruptedException {
        List<Future<Upload>> futures = new ArrayList<>(count);
        long start = System.nanoTime();
        Instant startInstant = Instant.now();
        for (int i = 0; i < count; i++) {
            long offset = rate > 0 ? (long) (i * 1e9 / rate) : 0;
            if (rate > 0) {
                long wait;
                while ((wait = start + offset - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            Path file = files.get(i % files.size());
            String mediaId = mediaId(i, file);
            Instant due = startInstant.plusNanos(offset);
            futures.add(pool.submit(() -> put(user, mediaId, file, tags, due)));
        }
        List<Upload> uploads = new ArrayList<>(count);
        for (Future<Upload> f : futures) {
            try {
                uploads.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("upload failed: " + e.getCause(), e.getCause());
            }
        }
        return uploads;
    }

    private Upload put(String user, String mediaId, Path file, String tags, Instant due) {
        Instant putStart = Instant.now();
        s3.putObject(r -> r.bucket(bucket).key(MediaKey.PREFIX + user + "/" + mediaId).metadata(Map.of("tags", tags)),
                RequestBody.fromFile(file));
        return new Upload(mediaId, file, file.toFile().length(), due, putStart, Instant.now());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
