package dev.mediapipeline.app.ops.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediapipeline.common.item.Sequencers;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackfillSequencerTest {

    @Test
    void oneAboveTheKnownOrderWinsTheConditionalWriteAndNothingMore() {
        String stored = Sequencers.order("00642B8C1D2E3F4AFF");

        String next = BackfillSequencer.after(Optional.of(stored));

        assertThat(next).isEqualTo("642B8C1D2E3F4B00");
        assertThat(Sequencers.order(next)).isGreaterThan(stored);
        assertThat(Sequencers.order("00642B8C1D2E3F4B01")).as("a later real event still wins")
                .isGreaterThan(Sequencers.order(next));
    }

    @Test
    void withNothingKnownTheSmallestSequencerIsEnough() {
        assertThat(BackfillSequencer.after(Optional.empty())).isEqualTo("1");
    }

    @Test
    void aSequencerThatCannotGrowIsRefused() {
        assertThatThrownBy(() -> BackfillSequencer.after(Optional.of("F".repeat(Sequencers.ORDER_WIDTH))))
                .isInstanceOf(IllegalStateException.class);
    }
}
