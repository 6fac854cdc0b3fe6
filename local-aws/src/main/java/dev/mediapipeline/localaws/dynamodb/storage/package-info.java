/**
 * Where the emulator's data lives: one H2 MVStore (a file under the data dir's {@code dynamodb/}, or memory)
 * holding the catalog, one sorted map per table and per index, and the streams' maps. Keys are encoded so
 * that the map's byte order is DynamoDB's key order; items are stored with their DynamoDB size.
 */
package dev.mediapipeline.localaws.dynamodb.storage;
