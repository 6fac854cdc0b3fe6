package dev.mediapipeline.localaws.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequencerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00.123456Z");

    @Test
    void valuesAreUpperCaseHexAndStrictlyIncreasingEvenWhenTheClockStandsStill() {
        Sequencer sequencer = Sequencer.inMemory(Clock.fixed(NOW, ZoneOffset.UTC));
        List<BigInteger> values = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String next = sequencer.next();
            assertThat(next).matches("[0-9A-F]{18}");
            values.add(new BigInteger(next, 16));
        }
        assertThat(values).isSorted().doesNotHaveDuplicates();
        assertThat(values.get(0)).isEqualTo(BigInteger.valueOf(NOW.getEpochSecond() * 1_000_000 + 123_456));
    }

    @Test
    void aRestartOnTheSameDataDirContinuesAboveEverythingIssuedEvenIfTheClockWentBack(@TempDir Path dir) {
        Path file = dir.resolve("sequencer");
        Sequencer first = Sequencer.persistentIn(file, Clock.fixed(NOW, ZoneOffset.UTC));
        String last = "";
        for (int i = 0; i < 10; i++) {
            last = first.next();
        }
        Sequencer afterRestart = Sequencer.persistentIn(file, Clock.fixed(NOW.minusSeconds(3600), ZoneOffset.UTC));
        assertThat(new BigInteger(afterRestart.next(), 16)).isGreaterThan(new BigInteger(last, 16));
    }
}
