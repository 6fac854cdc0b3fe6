package dev.mediapipeline.indexer.write;

/** What became of one stream record. */
public enum ApplyOutcome {
    /** Its writes reached the index (or a newer image already had). */
    APPLIED,
    /** It went to the index DLQ; the shard moved on. */
    PARKED
}
