package dev.mediapipeline.indexer.projection;

import dev.mediapipeline.common.item.ItemAttributes;
import java.util.List;

/**
 * Attribute names of MediaTagIndex. The table holds three kinds of item:
 * <ul>
 *   <li>a live entry per (user, tag, media), so "media with tag X" is one Query of {@code UserTag};</li>
 *   <li>a removal marker in place of an entry whose tag was removed, carrying {@link #EXPIRES_AT} (TTL) and
 *       the removal's SequencerOrder, so that an older write arriving late cannot bring the entry back;
 *       queries leave markers out with {@link #LIVE_ONLY};</li>
 *   <li>tag counts per (user, tag) under {@code UserTag} = the user id alone (never holding a '#', so never
 *       an entry's key) and {@code MediaId} = {@code <tag>#<k>}, one of the tag's count items
 *       ({@link dev.mediapipeline.indexer.count.TagCounts}): {@link #MEDIA_COUNT} live entries of its share.</li>
 * </ul>
 */
public final class IndexAttributes {

    /** Hash key, {@code <UserId>#<tag>} for entries and markers, {@code <UserId>} for tag counts. */
    public static final String USER_TAG = "UserTag";
    /** Range key, the source item's MediaId, or {@code <tag>#<k>} for a tag count item. */
    public static final String MEDIA_ID = ItemAttributes.MEDIA_ID;
    public static final String TAG = "Tag";
    /** The version of the source image that wrote the entry or marker. */
    public static final String SEQUENCER_ORDER = ItemAttributes.SEQUENCER_ORDER;
    /** Only on removal markers: when DynamoDB's TTL may delete them (epoch seconds). */
    public static final String EXPIRES_AT = ItemAttributes.EXPIRES_AT;
    /** Only on tag count items: how many of the user's media that the item counts carry the tag. */
    public static final String MEDIA_COUNT = "MediaCount";
    /** The filter that keeps markers out of a Query for a user's media with one tag. */
    public static final String LIVE_ONLY = "attribute_not_exists(" + EXPIRES_AT + ")";

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
