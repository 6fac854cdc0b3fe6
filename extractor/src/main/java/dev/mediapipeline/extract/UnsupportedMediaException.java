package dev.mediapipeline.extract;

import java.io.IOException;

/** The bytes are of a known kind that no extractor reads (a sub-format the library does not handle). */
public class UnsupportedMediaException extends IOException {
    public UnsupportedMediaException(String message) {
        super(message);
    }
}
