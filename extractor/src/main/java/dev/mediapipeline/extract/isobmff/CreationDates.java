package dev.mediapipeline.extract.isobmff;

import dev.mediapipeline.extract.CaptureTime;
import dev.mediapipeline.extract.MediaMetadata;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The capture time of a movie. The movie header holds a UTC instant (seconds since 1904, or since 1970 from
 * muxers that confuse the two); Apple's {@code com.apple.quicktime.creationdate} and the {@code ©day} some
 * Android phones write hold the local time with its offset. The local one is preferred when it names the same
 * moment as the header (within the clip's length: the header may be stamped when recording stops), because
 * it also says the zone; when they disagree, the file was edited or re-exported and the header is kept, as
 * exiftool's CreateDate.
 */
final class CreationDates {

    /** Seconds between 1904-01-01 (QuickTime epoch) and 1970-01-01. */
    private static final long QUICKTIME_EPOCH_OFFSET = 2_082_844_800L;
    /** A header time in the first year of either epoch is a zero or garbage date, not a capture time. */
    private static final long FIRST_YEAR = 365L * 24 * 3600;
    private static final Duration SLACK = Duration.ofSeconds(2);

    private CreationDates() {
    }

    static void copy(MovieBox movie, Long durationMillis, MediaMetadata.Builder out) {
        Instant header = headerInstant(movie.creationTime);
        String apple = movie.userData.get("com.apple.quicktime.creationdate");
        String source = apple != null ? "QuickTime:CreationDate" : "QuickTime:ContentCreateDate";
        OffsetDateTime local = zoned(apple != null ? apple : movie.userData.get("\u00a9day"));
        if (local != null && (header == null || agrees(local.toInstant(), header, durationMillis))) {
            out.takenAtIfAbsent(CaptureTime.format(local.toLocalDateTime(), local.getOffset()), source);
        } else if (header != null) {
            out.takenAtUtcIfAbsent(CaptureTime.format(LocalDateTime.ofInstant(header, ZoneOffset.UTC), ZoneOffset.UTC),
                    "QuickTime:CreateDate");
        } else {
            CaptureTime.parse(apple, null, null).ifPresent(t -> out.takenAtIfAbsent(t, source));
        }
    }

    /** The header's instant; absent for 0 and for dates in the first year of 1904 or 1970. */
    static Instant headerInstant(long creationTime) {
        long unix = creationTime >= QUICKTIME_EPOCH_OFFSET ? creationTime - QUICKTIME_EPOCH_OFFSET : creationTime;
        return unix < FIRST_YEAR ? null : Instant.ofEpochSecond(unix);
    }

    private static boolean agrees(Instant local, Instant header, Long durationMillis) {
        Duration slack = SLACK.plusMillis(durationMillis == null ? 0 : durationMillis);
        return Duration.between(local, header).abs().compareTo(slack) <= 0;
    }

    /** A date string with an offset ("2021-05-25T09:21:51-0700"), else null. */
    private static OffsetDateTime zoned(String value) {
        Optional<String> iso = CaptureTime.parse(value, null, null);
        return iso.isPresent() && CaptureTime.hasOffset(iso.get()) ? OffsetDateTime.parse(iso.get()) : null;
    }
}
