/**
 * DynamoDB Streams for the emulated DynamoDB: the engine reports committed changes through
 * {@link dev.mediapipeline.localaws.dynamodb.streams.TableStreams}, and
 * {@link dev.mediapipeline.localaws.dynamodb.streams.StreamsService#handle} answers the
 * {@code DynamoDBStreams_20120810} operations ListStreams, DescribeStream, GetShardIterator and GetRecords.
 *
 * <p>Each stream is one lineage of shards: a shard is closed and succeeded by a child on a schedule
 * (DynamoDB's partitions, and so its parallel shards, are not modelled). Records and closed shards age
 * out after the retention; iterators expire after their lifetime.
 */
package dev.mediapipeline.localaws.dynamodb.streams;
