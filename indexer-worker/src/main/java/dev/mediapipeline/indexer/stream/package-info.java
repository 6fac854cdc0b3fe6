/**
 * Consuming the UserMedia stream with KCL 3 through the DynamoDB Streams Kinesis adapter: leases (so
 * several indexers share the shards), checkpoints, and the glue that lets the adapter talk to DynamoDB Local.
 */
package dev.mediapipeline.indexer.stream;
