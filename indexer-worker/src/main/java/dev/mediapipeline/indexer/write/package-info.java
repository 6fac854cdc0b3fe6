/**
 * Applying projected index writes to DynamoDB: batches in stream order as BatchWriteItem requests, possible
 * replays as conditional single-item writes checked against the source item, bounded retries, and the index
 * DLQ for records that keep failing, so that one poison record never stalls a shard.
 */
package dev.mediapipeline.indexer.write;
