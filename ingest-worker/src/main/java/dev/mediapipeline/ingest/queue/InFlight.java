package dev.mediapipeline.ingest.queue;

import java.time.Duration;
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

    static final int MAX_RECEIVE = 10;

    private final Semaphore permits;
    private final Set<String> receipts = ConcurrentHashMap.newKeySet();

    InFlight(int max) {
        this.permits = new Semaphore(max);
    }

    /**
     * Waits up to {@code patience} for room for {@code wanted} messages, else up to the timeout for room for
     * one; returns how many may be received (at most 10, the most one ReceiveMessage returns), or 0 after
     * the timeout.
     */
    int awaitRoom(int wanted, Duration patience, Duration timeout) throws InterruptedException {
        int room;
        if (permits.tryAcquire(wanted, patience.toNanos(), TimeUnit.NANOSECONDS)) {
            room = wanted;
        } else if (permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            room = 1;
        } else {
            return 0;
        }
        while (room < MAX_RECEIVE && permits.tryAcquire()) {
            room++;
        }
        return room;
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
