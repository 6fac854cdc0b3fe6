/**
 * The indexer worker: keeps MediaTagIndex in step with the UserMedia stream. Start it with
 * {@link dev.mediapipeline.indexer.IndexerWorker}.
 */
package dev.mediapipeline.indexer;
