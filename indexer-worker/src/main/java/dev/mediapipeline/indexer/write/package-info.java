/**
 * Applying projected index writes to DynamoDB: the core that applies one shard's records in order and
 * reports how far it got ({@link dev.mediapipeline.indexer.write.BatchApplier}), fenced conditional writes
 * that never let the index go backwards, exact per-tag counts, bounded retries, and the index DLQ for
 * records that keep failing, so that one poison record never stalls a shard.
 */
package dev.mediapipeline.indexer.write;
