/**
 * DynamoDB and DynamoDB Streams, emulated: {@code protocol} (the JSON 1.0 front door) hands requests to the
 * table operations ({@code table}) and item operations ({@code item}), which keep their data through
 * {@code storage} (one MVStore); {@code streams} records every item change, {@code ttl} deletes expired
 * items, {@code capacity} counts what each request would cost on DynamoDB.
 */
package dev.mediapipeline.localaws.dynamodb;
