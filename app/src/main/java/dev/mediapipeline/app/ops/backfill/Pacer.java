package dev.mediapipeline.app.ops.backfill;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces calls evenly at a rate per second, so a backfill of a million objects does not flood the queue
 * and starve fresh uploads. Slots are absolute (start + n / rate): a slow call is caught up, never repeated.
 */
final class Pacer {

    private final long intervalNanos;
    private long next = System.nanoTime();

    Pacer(double perSecond) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    void await() {
        long wait;
        while ((wait = next - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
        next = Math.max(next + intervalNanos, System.nanoTime() - intervalNanos);
    }
}
