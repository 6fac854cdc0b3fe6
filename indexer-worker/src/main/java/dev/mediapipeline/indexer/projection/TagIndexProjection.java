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
 *   <li>every tag only in the old image is removed, as of the new image's SequencerOrder (the old image's
 *       when the item itself was removed);</li>
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
        return writes(oldImage, newImage, true);
    }

    /**
     * Writes that bring the index in line with the item as it is now, whatever was lost before: every tag
     * of {@code current} is put, and every tag that only {@code former} (an earlier image) had is removed.
     *
     * @param current the UserMedia item now; null if it is gone
     */
    public static List<IndexWrite> reproject(Map<String, AttributeValue> former, Map<String, AttributeValue> current) {
        return writes(former, current, false);
    }

    private static List<IndexWrite> writes(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage,
            boolean skipUnchanged) {
        Map<String, AttributeValue> before = oldImage == null ? Map.of() : oldImage;
        Map<String, AttributeValue> after = newImage == null ? Map.of() : newImage;
        Set<String> oldTags = tags(before);
        Set<String> newTags = tags(after);
        List<IndexWrite> writes = new ArrayList<>();
        Map<String, AttributeValue> copied = copied(after);
        boolean unchanged = copied.equals(copied(before));
        for (String tag : newTags) {
            if (!(skipUnchanged && unchanged && oldTags.contains(tag))) {
                writes.add(put(after, tag, oldTags.contains(tag), copied));
            }
        }
        Map<String, AttributeValue> removedAsOf = after.isEmpty() ? before : after;
        for (String tag : oldTags) {
            if (!newTags.contains(tag)) {
                writes.add(new IndexWrite.Remove(string(before, ItemAttributes.USER_ID), tag,
                        string(before, ItemAttributes.MEDIA_ID), sequencerOrder(removedAsOf)));
            }
        }
        return writes;
    }

    private static IndexWrite.Put put(Map<String, AttributeValue> image, String tag, boolean replacesLive,
            Map<String, AttributeValue> copied) {
        String userId = string(image, ItemAttributes.USER_ID);
        String mediaId = string(image, ItemAttributes.MEDIA_ID);
        String order = sequencerOrder(image);
        Map<String, AttributeValue> item = new HashMap<>(copied);
        item.put(IndexAttributes.USER_TAG, AttributeValue.fromS(IndexAttributes.userTag(userId, tag)));
        item.put(IndexAttributes.MEDIA_ID, AttributeValue.fromS(mediaId));
        item.put(IndexAttributes.TAG, AttributeValue.fromS(tag));
        item.put(IndexAttributes.SEQUENCER_ORDER, AttributeValue.fromS(order));
        return new IndexWrite.Put(userId, tag, mediaId, order, replacesLive, item);
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
     * lowest: it may create an absent entry but never replaces an ordered one.
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

    private static String string(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        if (value == null || value.s() == null || value.s().isEmpty()) {
            throw new UnprojectableImageException("image has no " + name);
        }
        return value.s();
    }
}
