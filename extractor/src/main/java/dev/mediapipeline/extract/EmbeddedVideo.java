package dev.mediapipeline.extract;

/**
 * The video inside a motion photo: where it lies in the file (bytes from {@code offset}, {@code length} of them,
 * so a client can fetch it with one ranged GET) and how long it plays, when its header could be read.
 */
public record EmbeddedVideo(long offset, long length, Long durationMillis) {
}
