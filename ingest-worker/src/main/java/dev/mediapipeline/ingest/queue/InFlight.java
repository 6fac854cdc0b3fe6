package dev.mediapipeline.ingest.queue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The messages this worker holds, bounded, by receipt handle. A message that SQS hands out again (its
 * visibility ran out) comes with a new receipt, so each delivery takes and gives back its own permit.
 */
final class InFlight {

    private final Semaphore permits;
    private final Set<String> receipts = ConcurrentHashMap.newKeySet();

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

    void add(String receipt) {
        receipts.add(receipt);
    }

    void finished(String receipt) {
        if (receipts.remove(receipt)) {
            permits.release();
        }
    }

    List<String> receipts() {
        return List.copyOf(receipts);
    }

    int size() {
        return receipts.size();
    }
}
