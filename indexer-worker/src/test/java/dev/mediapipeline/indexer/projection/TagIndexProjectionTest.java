package dev.mediapipeline.indexer.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediapipeline.common.item.Sequencers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TagIndexProjectionTest {

    private static final String OLD_SEQ = Sequencers.order("0055AED6DCD90281E5");
    private static final String NEW_SEQ = Sequencers.order("0055AED6DCD90281E6");

    @Test
    void insertPutsOneItemPerTagWithTheProjectedAttributes() {
        Map<String, AttributeValue> image = image(OLD_SEQ, 640, "beach", "sunset");

        List<IndexWrite> writes = TagIndexProjection.project(null, image);

        assertThat(writes).hasSize(2).allMatch(w -> w instanceof IndexWrite.Put);
        IndexWrite.Put beach = (IndexWrite.Put) writes.get(0);
        assertThat(beach.userTag()).isEqualTo("alice#beach");
        assertThat(beach.mediaId()).isEqualTo("2024/img 1.jpg");
        assertThat(beach.order()).isEqualTo(OLD_SEQ);
        assertThat(beach.item())
                .containsEntry("UserTag", s("alice#beach"))
                .containsEntry("MediaId", s("2024/img 1.jpg"))
                .containsEntry("UserId", s("alice"))
                .containsEntry("Tag", s("beach"))
                .containsEntry("S3Key", s("users/alice/2024/img 1.jpg"))
                .containsEntry("Type", s("image"))
                .containsEntry("ContentType", s("image/jpeg"))
                .containsEntry("UploadDate", s("2024-06-01T10:00:00Z"))
                .containsEntry("TakenAt", s("2024-05-31T18:30:00+02:00"))
                .containsEntry("Width", n("640"))
                .containsEntry("Height", n("480"))
                .containsEntry("SequencerOrder", s(OLD_SEQ))
                .doesNotContainKeys("Tags", "Status", "FileSize", "ETag", "ProcessedAt");
        assertThat(((IndexWrite.Put) writes.get(1)).userTag()).isEqualTo("alice#sunset");
    }

    @Test
    void modifyPutsAddedTagsAndRemovesDroppedOnesAsOfTheNewImage() {
        Map<String, AttributeValue> before = image(OLD_SEQ, 640, "beach", "sunset");
        Map<String, AttributeValue> after = image(NEW_SEQ, 640, "beach", "family");

        List<IndexWrite> writes = TagIndexProjection.project(before, after);

        assertThat(writes).containsExactlyInAnyOrder(
                TagIndexProjection.project(null, image(NEW_SEQ, 640, "family")).get(0),
                new IndexWrite.Remove("alice", "sunset", "2024/img 1.jpg", NEW_SEQ));
    }

    @Test
    void modifyThatChangesProjectedAttributesRewritesEveryTag() {
        List<IndexWrite> writes = TagIndexProjection.project(
                image(OLD_SEQ, 640, "beach", "sunset"), image(NEW_SEQ, 1024, "beach", "sunset"));

        assertThat(writes).hasSize(2).allSatisfy(w -> {
            assertThat(w).isInstanceOf(IndexWrite.Put.class);
            assertThat(w.order()).isEqualTo(NEW_SEQ);
            assertThat(((IndexWrite.Put) w).item()).containsEntry("Width", n("1024"));
        });
    }

    @Test
    void modifyThatLeavesTagsAndProjectedAttributesAloneWritesNothing() {
        Map<String, AttributeValue> before = image(OLD_SEQ, 640, "beach");
        Map<String, AttributeValue> after = new HashMap<>(image(NEW_SEQ, 640, "beach"));
        after.put("ProcessedAt", s("2024-06-02T00:00:00Z"));
        after.put("FileSize", n("999"));

        assertThat(TagIndexProjection.project(before, after)).isEmpty();
    }

    @Test
    void removeRemovesEveryOldTagAsOfTheOldImage() {
        List<IndexWrite> writes = TagIndexProjection.project(image(OLD_SEQ, 640, "beach", "sunset"), null);

        assertThat(writes).containsExactly(
                new IndexWrite.Remove("alice", "beach", "2024/img 1.jpg", OLD_SEQ),
                new IndexWrite.Remove("alice", "sunset", "2024/img 1.jpg", OLD_SEQ));
    }

    @Test
    void itemsWithoutTagsAreNotIndexed() {
        Map<String, AttributeValue> untagged = new HashMap<>(image(OLD_SEQ, 640));
        untagged.remove("Tags");

        assertThat(TagIndexProjection.project(null, untagged)).isEmpty();
        assertThat(TagIndexProjection.project(untagged, null)).isEmpty();
    }

    @Test
    void failedItemsWithTagsAreIndexedLikeAnyOther() {
        Map<String, AttributeValue> failed = new HashMap<>(image(OLD_SEQ, 640, "scan"));
        failed.put("Status", s("FAILED"));
        failed.put("ErrorClass", s("corrupt"));

        assertThat(TagIndexProjection.project(null, failed)).singleElement()
                .isInstanceOf(IndexWrite.Put.class)
                .extracting(IndexWrite::userTag).isEqualTo("alice#scan");
    }

    @Test
    void projectingTheSameRecordTwiceGivesTheSameWrites() {
        Map<String, AttributeValue> before = image(OLD_SEQ, 640, "beach", "sunset");
        Map<String, AttributeValue> after = image(NEW_SEQ, 800, "beach", "family");

        assertThat(TagIndexProjection.project(before, after)).isEqualTo(TagIndexProjection.project(before, after));
    }

    @Test
    void anOlderRecordCarriesTheOlderGuardSoItCannotReplaceANewerEntry() {
        List<IndexWrite> older = TagIndexProjection.project(null, image(OLD_SEQ, 640, "beach"));
        List<IndexWrite> newer = TagIndexProjection.project(image(OLD_SEQ, 640, "beach"), image(NEW_SEQ, 800, "beach"));

        assertThat(older.get(0).order()).isLessThan(newer.get(0).order());
    }

    @Test
    void theGuardFallsBackToTheRawSequencerWhenSequencerOrderIsMissing() {
        Map<String, AttributeValue> image = new HashMap<>(image(OLD_SEQ, 640, "beach"));
        image.remove("SequencerOrder");
        image.put("Sequencer", s("0055aed6dcd90281e5"));

        assertThat(TagIndexProjection.project(null, image).get(0).order()).isEqualTo(OLD_SEQ);
    }

    @Test
    void anImageWithoutItsKeyCannotBeProjected() {
        Map<String, AttributeValue> image = new HashMap<>(image(OLD_SEQ, 640, "beach"));
        image.remove("UserId");

        assertThatThrownBy(() -> TagIndexProjection.project(null, image))
                .isInstanceOf(UnprojectableImageException.class)
                .hasMessageContaining("UserId");
    }

    static Map<String, AttributeValue> image(String sequencerOrder, int width, String... tags) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("UserId", s("alice"));
        item.put("MediaId", s("2024/img 1.jpg"));
        item.put("S3Bucket", s("media"));
        item.put("S3Key", s("users/alice/2024/img 1.jpg"));
        item.put("FileSize", n("12345"));
        item.put("ETag", s("abc"));
        item.put("Sequencer", s(sequencerOrder.replaceFirst("^0+", "")));
        item.put("SequencerOrder", s(sequencerOrder));
        item.put("UploadDate", s("2024-06-01T10:00:00Z"));
        item.put("Type", s("image"));
        item.put("ContentType", s("image/jpeg"));
        item.put("Status", s("READY"));
        item.put("TakenAt", s("2024-05-31T18:30:00+02:00"));
        item.put("Width", n(String.valueOf(width)));
        item.put("Height", n("480"));
        if (tags.length > 0) {
            item.put("Tags", AttributeValue.fromSs(List.of(tags)));
        }
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
