package dev.mediapipeline.app.ops.backfill;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** What a backfill found and did. */
public record BackfillSummary(long listed, Map<ItemState, Long> byState, long enqueued, boolean dryRun,
                              Duration elapsed) {

    public long count(ItemState state) {
        return byState.getOrDefault(state, 0L);
    }

    static Map<ItemState, Long> emptyCounts() {
        Map<ItemState, Long> counts = new EnumMap<>(ItemState.class);
        for (ItemState s : ItemState.values()) {
            counts.put(s, 0L);
        }
        return counts;
    }

    public String describe(String bucket, String prefix, String queue) {
        return String.format("Backfill of s3://%s/%s %s in %.1f s: %d object(s) listed; %d missing, %d outdated "
                        + "(older ExtractorVersion), %d changed (other ETag), %d up to date, %d outside users/<id>/; "
                        + "%d event(s) %s %s",
                bucket, prefix, dryRun ? "(dry run)" : "done", elapsed.toMillis() / 1000.0, listed,
                count(ItemState.MISSING), count(ItemState.OUTDATED), count(ItemState.CHANGED),
                count(ItemState.CURRENT), count(ItemState.OUTSIDE_LAYOUT), enqueued,
                dryRun ? "would be enqueued to" : "enqueued to", queue);
    }
}
