/**
 * Repairing the tag index from the records parked on the index DLQ: each parked record's item is
 * re-projected from the UserMedia table as it is now.
 */
package dev.mediapipeline.indexer.redrive;
