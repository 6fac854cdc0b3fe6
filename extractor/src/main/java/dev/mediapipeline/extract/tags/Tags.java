package dev.mediapipeline.extract.tags;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The one place where tags are normalised, for embedded keywords and for x-amz-meta-tags alike, so a tag
 * typed "Beach " on upload and the IPTC keyword "beach" index as the same tag.
 */
public final class Tags {

    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_LENGTH = 128;

    private Tags() {
    }

    /**
     * Lower-cased (Locale.ROOT), trimmed, blank ones dropped, de-duplicated, each cut to
     * {@value #MAX_TAG_LENGTH} characters, at most {@value #MAX_TAGS}, first occurrence order kept.
     */
    public static Set<String> normalise(Collection<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            if (tags.size() == MAX_TAGS) {
                break;
            }
            if (tag == null) {
                continue;
            }
            String t = tag.strip().toLowerCase(Locale.ROOT);
            if (t.length() > MAX_TAG_LENGTH) {
                t = cut(t);
            }
            if (!t.isEmpty()) {
                tags.add(t);
            }
        }
        return tags;
    }

    /**
     * Whether {@code kept}, the normalised form of {@code raw}, lost any of it: a tag dropped by the cap or
     * shortened to the maximum length. Items name such a loss in their Truncated attribute.
     */
    public static boolean lost(Collection<String> raw, Set<String> kept) {
        for (String tag : raw) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (!t.isEmpty() && !kept.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** Cuts to the maximum length without splitting a surrogate pair, then trims again. */
    private static String cut(String t) {
        int end = MAX_TAG_LENGTH;
        if (Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, end).strip();
    }
}
