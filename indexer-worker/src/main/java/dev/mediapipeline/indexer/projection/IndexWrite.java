package dev.mediapipeline.indexer.projection;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One change to the index entry of (user, tag, media), fenced by the version of the source image that asks
 * for it: the image's SequencerOrder, a removal counting as newer than a put of the same order. A write
 * older than the entry's version changes nothing, so a late, replayed or retried write never undoes a newer
 * one, and applying the same write twice changes nothing.
 */
public sealed interface IndexWrite {

    String userId();

    String tag();

    String mediaId();

    /** The SequencerOrder of the image this write comes from. */
    String order();

    default String userTag() {
        return IndexAttributes.userTag(userId(), tag());
    }

    /**
     * Makes the entry live with the image's projected attributes ({@code item}, keys included).
     *
     * @param replacesLive the image before this change already had the tag: the entry is most likely live
     */
    record Put(String userId, String tag, String mediaId, String order, boolean replacesLive,
            Map<String, AttributeValue> item) implements IndexWrite {
        public Put {
            item = Map.copyOf(item);
        }
    }

    /** Turns the entry into a removal marker: the media no longer carries the tag as of {@code order}. */
    record Remove(String userId, String tag, String mediaId, String order) implements IndexWrite {
    }
}
