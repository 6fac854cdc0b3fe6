package dev.mediapipeline.common.item;

import java.util.Locale;

/**
 * S3 sequencers order events of one key. S3 documents comparing them after left-padding the shorter
 * with zeros; a fixed-width upper-case form makes that a plain string comparison, which DynamoDB
 * condition expressions can do.
 */
public final class Sequencers {

    public static final int ORDER_WIDTH = 32;

    private Sequencers() {
    }

    public static String order(String sequencer) {
        String upper = sequencer.toUpperCase(Locale.ROOT);
        if (upper.length() > ORDER_WIDTH) {
            throw new IllegalArgumentException("sequencer longer than " + ORDER_WIDTH + " hex digits: " + sequencer);
        }
        return "0".repeat(ORDER_WIDTH - upper.length()) + upper;
    }

    public static int compare(String a, String b) {
        return order(a).compareTo(order(b));
    }
}
