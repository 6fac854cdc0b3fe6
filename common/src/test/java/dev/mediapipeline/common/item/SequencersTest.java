package dev.mediapipeline.common.item;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequencersTest {

    @Test
    void comparesAfterLeftPaddingLikeS3Documents() {
        assertThat(Sequencers.compare("0055AED6DCD90281E5", "55AED6DCD90281E5")).isZero();
        assertThat(Sequencers.compare("0055AED6DCD90281E5", "0055AED6DCD90281E6")).isNegative();
        assertThat(Sequencers.compare("FF", "0100")).isNegative();
        assertThat(Sequencers.compare("ab", "AA")).isPositive();
    }

    @Test
    void orderFormIsFixedWidthSoStringsCompareAsNumbers() {
        assertThat(Sequencers.order("1f")).hasSize(Sequencers.ORDER_WIDTH).endsWith("1F");
        assertThat(Sequencers.order("FF").compareTo(Sequencers.order("100"))).isNegative();
    }
}
