package dev.mediapipeline.ingest.write;

import dev.mediapipeline.common.item.ItemAttributes;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps an item far below DynamoDB's 400 KB whatever a file carries: every free-text attribute is cut,
 * and the item names what was cut in {@value #TRUNCATED}, so nobody mistakes a cut value for the whole.
 * Collections are capped where they are built (tags); those places name what they cut the same way.
 */
public final class ItemLimits {

    public static final String TRUNCATED = ItemAttributes.TRUNCATED;
    static final int MAX_TEXT_CHARS = 1024;
    /** Keys are bounded by the key layout; these must stay whole to identify the object. */
    private static final Set<String> WHOLE = Set.of(ItemAttributes.USER_ID, ItemAttributes.MEDIA_ID,
            ItemAttributes.S3_KEY, ItemAttributes.S3_BUCKET);

    private ItemLimits() {
    }

    /** Adds {@code attribute} to the item's {@value #TRUNCATED} set. */
    public static void markTruncated(Map<String, Object> values, String attribute) {
        Set<String> cut = new TreeSet<>();
        if (values.get(TRUNCATED) instanceof Collection<?> earlier) {
            earlier.forEach(name -> cut.add(name.toString()));
        }
        cut.add(attribute);
        values.put(TRUNCATED, cut);
    }

    static void apply(Map<String, Object> values) {
        Set<String> cut = new TreeSet<>();
        values.replaceAll((name, value) -> {
            if (value instanceof String s && s.length() > MAX_TEXT_CHARS && !WHOLE.contains(name)) {
                cut.add(name);
                return cutAt(s, MAX_TEXT_CHARS);
            }
            return value;
        });
        cut.forEach(name -> markTruncated(values, name));
    }

    private static String cutAt(String s, int chars) {
        int end = Character.isHighSurrogate(s.charAt(chars - 1)) ? chars - 1 : chars;
        return s.substring(0, end);
    }
}
