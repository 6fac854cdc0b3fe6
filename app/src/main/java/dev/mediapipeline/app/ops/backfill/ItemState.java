package dev.mediapipeline.app.ops.backfill;

/** What the table says about one listed object. */
public enum ItemState {
    /** No item: its event was lost, dead-lettered, or the item was deleted by hand. */
    MISSING,
    /** The item was written by an older extractor (ExtractorVersion below the current one). */
    OUTDATED,
    /** The item describes another version of the object (its ETag differs): a newer event never made it. */
    CHANGED,
    /** Nothing to do. */
    CURRENT,
    /** The key is not under users/&lt;UserId&gt;/, so no item can exist for it. */
    OUTSIDE_LAYOUT;

    boolean wanted(boolean staleOnly) {
        return this == OUTDATED || this == CHANGED || (this == MISSING && !staleOnly);
    }
}
