/**
 * The (user, tag) counts of the tag index: which of a tag's count items counts a media, and a user's counts
 * summed per tag ({@link dev.mediapipeline.indexer.count.TagCounts}).
 */
package dev.mediapipeline.indexer.count;
