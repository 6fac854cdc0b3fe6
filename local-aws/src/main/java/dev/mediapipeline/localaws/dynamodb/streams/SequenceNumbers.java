package dev.mediapipeline.localaws.dynamodb.streams;

import java.util.Optional;

/**
 * A stream's sequence numbers on the wire. DynamoDB's are decimal strings of at least 21 digits (the
 * API rejects shorter ones) that clients such as KCL's adapter compare as big integers. Ours are a
 * leading 1 and the counter in 20 digits: fixed width, so they also sort as plain strings, which the
 * record store's keys rely on.
 */
final class SequenceNumbers {

    private static final String PREFIX = "1";
    private static final int COUNTER_DIGITS = 20;

    private SequenceNumbers() {
    }

    static String format(long counter) {
        return PREFIX + String.format("%0" + COUNTER_DIGITS + "d", counter);
    }

    /** The counter a wire sequence number stands for, or empty when it is not one of ours. */
    static Optional<Long> parse(String text) {
        if (text == null || text.length() != PREFIX.length() + COUNTER_DIGITS || !text.startsWith(PREFIX)
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.substring(PREFIX.length())));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
