package dev.mediapipeline.extract.sniff;


/** The sniffed content type (e.g. "video/quicktime") and what kind of media it names. */
public record Sniffed(String contentType, MediaType type) {
}
