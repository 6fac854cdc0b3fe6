package dev.mediapipeline.ingest.queue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** The messages this worker holds, bounded, keyed by message id with their receipt handles. */
final class InFlight {

    private final Semaphore permits;
    private final Map<String, String> receipts = new ConcurrentHashMap<>();

    InFlight(int max) {
        this.permits = new Semaphore(max);
    }

    /** Waits up to the timeout for room for at least one message; returns how many may be received (≤ 10). */
    int awaitRoom(long timeout, TimeUnit unit) throws InterruptedException {
        if (!permits.tryAcquire(timeout, unit)) {
            return 0;
        }
        int extra = Math.min(9, permits.availablePermits());
        int more = 0;
        while (more < extra && permits.tryAcquire()) {
            more++;
        }
        return 1 + more;
    }

    /** Gives back permits reserved for messages the queue did not deliver. */
    void unused(int count) {
        permits.release(count);
    }

    void add(String messageId, String receipt) {
        receipts.put(messageId, receipt);
    }

    void finished(String messageId) {
        if (receipts.remove(messageId) != null) {
            permits.release();
        }
    }

    Map<String, String> snapshot() {
        return Map.copyOf(receipts);
    }

    List<String> ids() {
        return List.copyOf(receipts.keySet());
    }

    int size() {
        return receipts.size();
    }
}
