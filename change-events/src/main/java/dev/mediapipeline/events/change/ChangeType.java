package dev.mediapipeline.events.change;

import java.util.Arrays;
import java.util.Optional;

/** The CloudEvents {@code type} of a change to a UserMedia item. */
public enum ChangeType {
    CREATED("media.created"),
    UPDATED("media.updated"),
    DELETED("media.deleted"),
    /** Written, or rewritten, with Status FAILED: the file could not be read (its ErrorClass says why). */
    FAILED("media.failed");

    private final String type;

    ChangeType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    /** From {@code media.created} or plain {@code created}, as a user types it. */
    public static Optional<ChangeType> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.type.equals(text) || t.type.equals("media." + text)).findFirst();
    }
}
