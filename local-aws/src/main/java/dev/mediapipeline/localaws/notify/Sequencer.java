package dev.mediapipeline.localaws.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * S3 event {@code sequencer} values: upper-case hex, strictly increasing over the whole life of a data
 * dir (restarts included), so a later write of a key always carries a larger sequencer, whatever the
 * wall clock does. Values are the microsecond clock when it is ahead, else the last value plus one.
 *
 * <p>Writing a file per event would be slow, so a high-water mark {@value #RESERVE_MICROS} µs ahead is
 * stored and renewed when reached; after a restart numbering resumes above it.
 */
public final class Sequencer {

    static final long RESERVE_MICROS = 10_000_000L;
    private static final int HEX_DIGITS = 18;

    private final Clock clock;
    private final Optional<Path> highWaterMarkFile;
    private long last;
    private long reserved;

    private Sequencer(Clock clock, Optional<Path> highWaterMarkFile, long last) {
        this.clock = clock;
        this.highWaterMarkFile = highWaterMarkFile;
        this.last = last;
        this.reserved = last;
    }

    public static Sequencer inMemory(Clock clock) {
        return new Sequencer(clock, Optional.empty(), 0);
    }

    /** Resumes above the high-water mark stored in {@code file} by an earlier run, if any. */
    public static Sequencer persistentIn(Path file, Clock clock) {
        long stored = 0;
        try {
            if (Files.exists(file)) {
                stored = Long.parseUnsignedLong(Files.readString(file, StandardCharsets.US_ASCII).trim(), 16);
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the sequencer high-water mark " + file, e);
        }
        return new Sequencer(clock, Optional.of(file), stored);
    }

    /** The next sequencer, e.g. {@code 000642B8C1D2E3F4A5}. */
    public synchronized String next() {
        long value = Math.max(last + 1, micros(clock.instant()));
        if (value > reserved) {
            reserved = value + RESERVE_MICROS;
            highWaterMarkFile.ifPresent(file -> store(file, reserved));
        }
        last = value;
        return format(value);
    }

    static String format(long value) {
        String hex = Long.toHexString(value).toUpperCase(Locale.ROOT);
        return "0".repeat(Math.max(0, HEX_DIGITS - hex.length())) + hex;
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    private static void store(Path file, long value) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temp, Long.toHexString(value), StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the sequencer high-water mark " + file, e);
        }
    }
}
