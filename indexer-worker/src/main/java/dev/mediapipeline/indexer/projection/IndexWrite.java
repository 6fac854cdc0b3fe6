package dev.mediapipeline.indexer.projection;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One conditional write to MediaTagIndex. Each carries the SequencerOrder that guards it: the write only
 * applies when the index item is absent or not newer than that order, so an older image never undoes a
 * newer one and applying the same write twice changes nothing.
 */
public sealed interface IndexWrite {

    String userTag();

    String mediaId();

    /** The write applies only over an index item whose SequencerOrder is at most this. */
    String guardOrder();

    /**
     * Creates or replaces the index item of one (user, tag, media) with the image's projected attributes.
     * {@code userId} and {@code tag} name the source item and the tag it must still carry for an absent
     * index item to be created.
     */
    record Put(String userTag, String mediaId, String userId, String tag, String guardOrder,
            Map<String, AttributeValue> item) implements IndexWrite {
        public Put {
            item = Map.copyOf(item);
        }
    }

    /** Removes the index item of one (user, tag, media). */
    record Delete(String userTag, String mediaId, String guardOrder) implements IndexWrite {
    }
}
