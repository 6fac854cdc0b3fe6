/**
 * Consuming the UserMedia stream with KCL 3 through the DynamoDB Streams Kinesis adapter: leases (so
 * several indexers share the shards) and checkpoints.
 */
package dev.mediapipeline.indexer.stream;
