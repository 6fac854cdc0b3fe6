package dev.mediapipeline.indexer.projection;

import dev.mediapipeline.common.item.ItemAttributes;
import dev.mediapipeline.common.item.Sequencers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Diffs a stream record's OldImage and NewImage into index writes. The images alone decide, not the event
 * name: no new image is a removal, no old image an insert.
 * <ul>
 *   <li>every tag of the new image is put, unless the old image had the tag with the same projected
 *       attributes (the index already holds them, so the write would only cost capacity);</li>
 *   <li>every tag only in the old image is deleted, guarded by the old image's SequencerOrder;</li>
 *   <li>Status does not matter: a FAILED item with tags is still the user's media and is listed.</li>
 * </ul>
 */
public final class TagIndexProjection {

    private TagIndexProjection() {
    }

    /**
     * @param oldImage the item before the change; null or empty for an insert
     * @param newImage the item after the change; null or empty for a removal
     */
    public static List<IndexWrite> project(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        Map<String, AttributeValue> before = oldImage == null ? Map.of() : oldImage;
        Map<String, AttributeValue> after = newImage == null ? Map.of() : newImage;
        Set<String> oldTags = tags(before);
        Set<String> newTags = tags(after);
        List<IndexWrite> writes = new ArrayList<>();
        if (!newTags.isEmpty()) {
            String order = sequencerOrder(after);
            Map<String, AttributeValue> copied = copied(after);
            Map<String, AttributeValue> copiedBefore = copied(before);
            for (String tag : newTags) {
                if (oldTags.contains(tag) && copied.equals(copiedBefore)) {
                    continue;
                }
                writes.add(put(after, tag, order, copied));
            }
        }
        for (String tag : oldTags) {
            if (!newTags.contains(tag)) {
                writes.add(new IndexWrite.Delete(userTag(before, tag), string(before, ItemAttributes.MEDIA_ID),
                        sequencerOrder(before)));
            }
        }
        return writes;
    }

    private static IndexWrite.Put put(Map<String, AttributeValue> image, String tag, String order,
            Map<String, AttributeValue> copied) {
        String userTag = userTag(image, tag);
        String mediaId = string(image, ItemAttributes.MEDIA_ID);
        Map<String, AttributeValue> item = new HashMap<>(copied);
        item.put(IndexAttributes.USER_TAG, AttributeValue.fromS(userTag));
        item.put(IndexAttributes.MEDIA_ID, AttributeValue.fromS(mediaId));
        item.put(IndexAttributes.TAG, AttributeValue.fromS(tag));
        item.put(IndexAttributes.SEQUENCER_ORDER, AttributeValue.fromS(order));
        return new IndexWrite.Put(userTag, mediaId, string(image, ItemAttributes.USER_ID), tag, order, item);
    }

    private static Map<String, AttributeValue> copied(Map<String, AttributeValue> image) {
        Map<String, AttributeValue> copied = new HashMap<>();
        for (String name : IndexAttributes.COPIED) {
            AttributeValue value = image.get(name);
            if (value != null) {
                copied.put(name, value);
            }
        }
        return copied;
    }

    /** Tags are a string set in the schema; a set keeps its stored order so writes are reproducible. */
    private static Set<String> tags(Map<String, AttributeValue> image) {
        AttributeValue tags = image.get(ItemAttributes.TAGS);
        if (tags == null || !tags.hasSs()) {
            return Set.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (String tag : tags.ss()) {
            if (!tag.isEmpty()) {
                result.add(tag);
            }
        }
        return result;
    }

    /**
     * The stored SequencerOrder, else the one derived from the raw Sequencer. An image with neither sorts
     * lowest: it may create an absent index item but never replaces an ordered one.
     */
    static String sequencerOrder(Map<String, AttributeValue> image) {
        AttributeValue order = image.get(ItemAttributes.SEQUENCER_ORDER);
        if (order != null && order.s() != null) {
            return order.s();
        }
        AttributeValue sequencer = image.get(ItemAttributes.SEQUENCER);
        if (sequencer != null && sequencer.s() != null) {
            return Sequencers.order(sequencer.s());
        }
        return "";
    }

    private static String userTag(Map<String, AttributeValue> image, String tag) {
        return IndexAttributes.userTag(string(image, ItemAttributes.USER_ID), tag);
    }

    private static String string(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        if (value == null || value.s() == null || value.s().isEmpty()) {
            throw new UnprojectableImageException("image has no " + name);
        }
        return value.s();
    }
}
