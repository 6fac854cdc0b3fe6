package dev.mediapipeline.extract.offline;

import java.io.PrintStream;

/** Progress for long runs on a terminal: at most one line per second, and the final count. */
public final class StderrProgress implements OfflineExtractor.Progress {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;

    public StderrProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void update(int done, int total) {
        long now = System.nanoTime();
        if (done == total || now - lastNanos >= INTERVAL_NANOS) {
            lastNanos = now;
            double seconds = (now - startNanos) / 1e9;
            err.printf("extracted %d/%d (%.1f/s)%n", done, total, seconds > 0 ? done / seconds : 0.0);
        }
    }
}
