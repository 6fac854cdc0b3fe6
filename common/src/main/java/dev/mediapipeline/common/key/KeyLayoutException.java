package dev.mediapipeline.common.key;

/** An object key outside {@code users/<UserId>/<rest>}; the reason is meant for the dead letter. */
public class KeyLayoutException extends Exception {

    public KeyLayoutException(String reason) {
        super(reason);
    }
}
