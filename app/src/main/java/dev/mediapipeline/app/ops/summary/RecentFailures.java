package dev.mediapipeline.app.ops.summary;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last failed items this process's ingest worker wrote, newest first, in a small ring: an operator's
 * page needs the latest few with their reasons, not a history (that is the table, Status = FAILED).
 */
public final class RecentFailures {

    private final int capacity;
    private final Deque<Failure> failures = new ArrayDeque<>();

    public RecentFailures(int capacity) {
        this.capacity = capacity;
    }

    /** One failure; {@code source} is {@code item} (written FAILED) or {@code dlq} (dead-lettered message). */
    public record Failure(Instant at, String key, String errorClass, String error, String source) {
    }

    public synchronized void add(Failure failure) {
        failures.addFirst(failure);
        while (failures.size() > capacity) {
            failures.removeLast();
        }
    }

    public synchronized List<Failure> newestFirst() {
        return List.copyOf(failures);
    }
}
