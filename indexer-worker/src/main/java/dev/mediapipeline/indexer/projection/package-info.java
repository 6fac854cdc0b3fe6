/**
 * The tag index as a pure function of one stream record's images: which MediaTagIndex items to put and
 * which to delete, each guarded by the source item's SequencerOrder. No AWS calls live here.
 */
package dev.mediapipeline.indexer.projection;
