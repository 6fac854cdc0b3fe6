package dev.mediapipeline.extract;

import dev.mediapipeline.extract.read.ExtractionLimitException;

/** Why extraction of an object failed; {@link #wireName()} is the ErrorClass attribute value. */
public enum ErrorClass {
    CORRUPT("corrupt"),
    /** Zero bytes: nothing to sniff or read, most often an upload that went wrong. */
    EMPTY("empty"),
    UNSUPPORTED("unsupported"),
    TOO_LARGE("too-large"),
    TIMEOUT("timeout");

    private final String wireName;

    ErrorClass(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ErrorClass of(ExtractionLimitException.Limit limit) {
        return limit == ExtractionLimitException.Limit.BYTES ? TOO_LARGE : TIMEOUT;
    }
}
