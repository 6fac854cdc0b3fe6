package dev.mediapipeline.extract;

import java.io.IOException;

/** The bytes do not form a readable file of the sniffed format. */
public class CorruptMediaException extends IOException {
    public CorruptMediaException(String message) {
        super(message);
    }
}
