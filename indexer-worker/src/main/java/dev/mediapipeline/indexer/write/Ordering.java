package dev.mediapipeline.indexer.write;

/**
 * What is known about when a stream record reaches the index, relative to the other records of its
 * UserMedia item. It decides whether a put must check the source item in a transaction (see
 * {@link IndexWriter}).
 */
public enum Ordering {
    /**
     * Every earlier record of the item was applied before this one, and no later record of it can have
     * been applied yet: the first pass of a shard's processor over records no one else has applied.
     */
    IN_STREAM_ORDER,
    /**
     * A later record of the item may already be in the index: a record a previous lease holder may have
     * applied, a batch tried again, or anything whose history is not known.
     */
    MAY_BE_REPLAY
}
