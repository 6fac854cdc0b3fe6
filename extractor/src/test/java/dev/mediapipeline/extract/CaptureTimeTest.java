package dev.mediapipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaptureTimeTest {

    @Test
    void exifDateWithSubSecondsAndOffset() {
        assertThat(CaptureTime.parse("2019:08:21 11:21:36", "245", "+02:00")).hasValue("2019-08-21T11:21:36.245+02:00");
        assertThat(CaptureTime.parse("2011:03:12 15:36:11.00+01:00", null, null)).hasValue("2011-03-12T15:36:11+01:00");
        assertThat(CaptureTime.parse("2013-09-23T10:09:46+0200", null, null)).hasValue("2013-09-23T10:09:46+02:00");
        assertThat(CaptureTime.parse("2011:09:23 12:43:03Z", null, null)).hasValue("2011-09-23T12:43:03Z");
        assertThat(CaptureTime.parse("2020: 3:16 10: 0: 0", null, null)).hasValue("2020-03-16T10:00:00");
    }

    @Test
    void blankZeroAndImpossibleDatesAreAbsent() {
        assertThat(CaptureTime.parse("0000:00:00 00:00:00", null, null)).isEmpty();
        assertThat(CaptureTime.parse("    :  :     :  :  ", null, null)).isEmpty();
        assertThat(CaptureTime.parse("", null, null)).isEmpty();
        assertThat(CaptureTime.parse("2019:13:45 25:00:00", null, null)).isEmpty();
        assertThat(CaptureTime.ofEpochSecondUtc(0)).isEmpty();
    }
}
