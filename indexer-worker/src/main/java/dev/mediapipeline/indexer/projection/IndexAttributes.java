package dev.mediapipeline.indexer.projection;

import dev.mediapipeline.common.item.ItemAttributes;
import java.util.List;

/** Attribute names of a MediaTagIndex item: one per (user, tag, media), so "media with tag X" is one Query. */
public final class IndexAttributes {

    /** Hash key, {@code <UserId>#<tag>}. */
    public static final String USER_TAG = "UserTag";
    /** Range key, the source item's MediaId. */
    public static final String MEDIA_ID = ItemAttributes.MEDIA_ID;
    public static final String TAG = "Tag";
    public static final String SEQUENCER_ORDER = ItemAttributes.SEQUENCER_ORDER;

    /** Copied from the UserMedia item when present: what a tag listing shows without a second read. */
    public static final List<String> COPIED = List.of(
            ItemAttributes.USER_ID,
            ItemAttributes.S3_KEY,
            ItemAttributes.TYPE,
            ItemAttributes.CONTENT_TYPE,
            ItemAttributes.UPLOAD_DATE,
            ItemAttributes.TAKEN_AT,
            ItemAttributes.WIDTH,
            ItemAttributes.HEIGHT,
            ItemAttributes.DURATION);

    private static final char SEPARATOR = '#';

    private IndexAttributes() {
    }

    public static String userTag(String userId, String tag) {
        return userId + SEPARATOR + tag;
    }
}
