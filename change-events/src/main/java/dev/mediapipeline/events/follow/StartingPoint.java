package dev.mediapipeline.events.follow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where reading starts in a shard that neither the checkpoint nor any of its ancestors knows:
 * the oldest record kept (24 hours on DynamoDB), only what comes next, or the first record at or after a time.
 * Streams have no iterator for a time, so a time reads from the oldest record and skips the earlier ones.
 */
public record StartingPoint(Kind kind, Optional<Instant> notBefore) {

    public enum Kind { TRIM_HORIZON, LATEST, AT_TIME }

    public static final StartingPoint TRIM_HORIZON = new StartingPoint(Kind.TRIM_HORIZON, Optional.empty());
    public static final StartingPoint LATEST = new StartingPoint(Kind.LATEST, Optional.empty());

    public static StartingPoint at(Instant time) {
        return new StartingPoint(Kind.AT_TIME, Optional.of(time));
    }

    /** {@code trim-horizon}, {@code latest}, an ISO-8601 instant or offset date-time, or a date (UTC midnight). */
    public static StartingPoint parse(String text) {
        switch (text) {
            case "trim-horizon":
                return TRIM_HORIZON;
            case "latest":
                return LATEST;
            default:
                try {
                    return at(OffsetDateTime.parse(text).toInstant());
                } catch (DateTimeParseException notADateTime) {
                    try {
                        return at(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
                    } catch (DateTimeParseException notADate) {
                        throw new IllegalArgumentException("'" + text + "' is none of trim-horizon, latest, "
                                + "a date-time such as 2026-12-02T14:00:00Z or a date such as 2026-12-02");
                    }
                }
        }
    }
}
