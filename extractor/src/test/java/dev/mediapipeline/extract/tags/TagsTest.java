package dev.mediapipeline.extract.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void lowerCasedTrimmedDeduplicatedInFirstSeenOrder() {
        assertThat(Tags.normalise(Arrays.asList(" Beach", "SUNSET ", "beach", "", "  ", null, "Été")))
                .containsExactly("beach", "sunset", "été");
    }

    @Test
    void atMostFiftyTagsOfAtMost128Characters() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add("tag" + i);
        }
        many.add(0, "x".repeat(300));

        var tags = Tags.normalise(many);

        assertThat(tags).hasSize(50).allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(128));
        assertThat(tags.iterator().next()).isEqualTo("x".repeat(128));
    }
}
