package dev.mediapipeline.common.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant UPLOADED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aCaptureTimeWithAnOffsetIsPlacedAtItsInstantInUtc() {
        assertThat(Timeline.of(Optional.of("2024-07-04T12:30:00+02:00"), UPLOADED))
                .isEqualTo(new Timeline("2024-07-04T10:30:00.000Z", Timeline.TAKEN));
    }

    @Test
    void aWallTimeWithoutOffsetIsPlacedAsIfUtcAndMarkedSo() {
        assertThat(Timeline.of(Optional.of("2024-07-04T12:30"), UPLOADED))
                .isEqualTo(new Timeline("2024-07-04T12:30:00.000Z", Timeline.TAKEN_LOCAL));
    }

    @Test
    void withoutACaptureTimeTheUploadPlacesIt() {
        assertThat(Timeline.of(Optional.empty(), UPLOADED)).isEqualTo(new Timeline("2026-12-01T10:00:00.000Z", Timeline.UPLOAD));
        assertThat(Timeline.of(Optional.of("sometime in July"), UPLOADED).source()).isEqualTo(Timeline.UPLOAD);
    }

    /** Instant.toString drops zero fractions, which would sort 10:00:00Z after 10:00:00.5Z as text. */
    @Test
    void keysSortAsTextInTimeOrder() {
        assertThat(Timeline.key(Instant.parse("2024-07-04T10:00:00Z")))
                .isLessThan(Timeline.key(Instant.parse("2024-07-04T10:00:00.500Z")));
    }
}
