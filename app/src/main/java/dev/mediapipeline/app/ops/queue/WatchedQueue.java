package dev.mediapipeline.app.ops.queue;

import dev.mediapipeline.common.config.PipelineConfig;
import java.util.List;

/**
 * A queue operators watch, by the part it plays ({@code ingest}, {@code dlq}, {@code index-dlq}) and by its
 * configured name. Dashboards key on the role, which does not change when the names do.
 */
public record WatchedQueue(String role, String name) {

    public static final String INGEST = "ingest";
    public static final String DLQ = "dlq";
    public static final String INDEX_DLQ = "index-dlq";

    public static List<WatchedQueue> of(PipelineConfig config) {
        return List.of(new WatchedQueue(INGEST, config.ingestQueue()), new WatchedQueue(DLQ, config.ingestDlq()),
                new WatchedQueue(INDEX_DLQ, config.indexDlq()));
    }

    public boolean isDeadLetterQueue() {
        return !INGEST.equals(role);
    }
}
