package dev.mediapipeline.extract.sniff;

/** The Type attribute: what a user would call the file. */
public enum MediaType {
    IMAGE("image"),
    VIDEO("video"),
    OTHER("other");

    private final String wireName;

    MediaType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
