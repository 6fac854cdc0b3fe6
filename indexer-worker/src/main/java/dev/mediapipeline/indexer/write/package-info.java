/**
 * Applying projected index writes to DynamoDB: conditional single-item writes, bounded retries, and the
 * index DLQ for records that keep failing, so that one poison record never stalls a shard.
 */
package dev.mediapipeline.indexer.write;
