package dev.mediapipeline.app.ops.backfill;

import java.io.PrintWriter;

/**
 * A progress bar on stderr. On a terminal it redraws one line in place (at most 10 times a second);
 * into a file or a CI log it writes a plain line every {@value #LOG_EVERY_SECONDS} seconds instead of
 * a thousand carriage returns.
 */
public final class ProgressBar implements Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LOG_EVERY_SECONDS = 5;

    private final PrintWriter err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private long total;
    private long checked;
    private long enqueued;

    public ProgressBar(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void total(long objects) {
        this.total = objects;
        draw(true);
    }

    @Override
    public void at(long newChecked, long newEnqueued) {
        this.checked = newChecked;
        this.enqueued = newEnqueued;
        draw(false);
    }

    @Override
    public void done() {
        draw(true);
        if (terminal) {
            err.println();
        }
        err.flush();
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        long every = terminal ? REDRAW_NANOS : LOG_EVERY_SECONDS * 1_000_000_000L;
        if (!force && now - lastDrawNanos < every) {
            return;
        }
        lastDrawNanos = now;
        double fraction = total == 0 ? 1 : Math.min(1.0, (double) checked / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = (now - startNanos) / 1e9;
        String line = String.format("backfill [%s%s] %3d%%  %d/%d objects  %d enqueued  %.0f/s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(fraction * 100), checked, total, enqueued,
                seconds > 0 ? checked / seconds : 0.0);
        if (terminal) {
            err.print("\r" + line);
        } else {
            err.println(line);
        }
        err.flush();
    }
}
