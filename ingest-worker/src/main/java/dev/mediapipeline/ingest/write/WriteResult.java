package dev.mediapipeline.ingest.write;

/** What a conditional write did: applied, or skipped because the table already knows a newer state. */
public enum WriteResult {
    WRITTEN,
    STALE
}
