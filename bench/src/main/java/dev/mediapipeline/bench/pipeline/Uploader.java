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
import java.util.function.BiFunction;
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
        return onSchedule(count, rate, (i, due) -> {
            Path file = files.get(i % files.size());
            return put(user, mediaId(i, file), file, tags, due);
        });
    }

    /** Deletes the objects, in the same open loop as uploads. */
    void delete(String user, List<String> mediaIds, double rate) throws InterruptedException {
        onSchedule(mediaIds.size(), rate, (i, due) -> s3.deleteObject(r -> r.bucket(bucket)
                .key(MediaKey.PREFIX + user + "/" + mediaIds.get(i))));
    }

    private <T> List<T> onSchedule(int count, double rate, BiFunction<Integer, Instant, T> task)
            throws InterruptedException {
        List<Future<T>> futures = new ArrayList<>(count);
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
            int index = i;
            Instant due = startInstant.plusNanos(offset);
            futures.add(pool.submit(() -> task.apply(index, due)));
        }
        List<T> done = new ArrayList<>(count);
        for (Future<T> f : futures) {
            try {
                done.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("request failed: " + e.getCause(), e.getCause());
            }
        }
        return done;
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
