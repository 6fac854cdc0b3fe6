/**
 * The data plane, one class per operation family: single-item writes, reads, Query and Scan, batches and
 * transactions. Every write goes through {@link dev.mediapipeline.localaws.dynamodb.item.ItemWriter}, which
 * keeps item, index entries and stream record in step under the item's lock.
 */
package dev.mediapipeline.localaws.dynamodb.item;
