package dev.mediapipeline.common.item;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where an item sits on its user's timeline (the UserTimeline index): its capture time as a UTC instant,
 * else its upload time, marked by {@code source}. {@code at} is fixed-width ({@code 2024-07-04T10:30:00.000Z})
 * so that comparing it as a string, as DynamoDB sorts keys, is comparing times.
 *
 * @param at     the sort key, {@value ItemAttributes#TIMELINE_AT}
 * @param source {@value #TAKEN} (TakenAt with an offset or in UTC), {@value #TAKEN_LOCAL} (TakenAt knows only
 *               the wall time, placed as if it were UTC: up to 14 hours off), or {@value #UPLOAD} (no
 *               capture time: UploadDate)
 */
public record Timeline(String at, String source) {

    public static final String TAKEN = "taken";
    public static final String TAKEN_LOCAL = "taken-local";
    public static final String UPLOAD = "upload";

    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public static Timeline of(Optional<String> takenAt, Instant uploadDate) {
        if (takenAt.isPresent()) {
            try {
                return new Timeline(key(OffsetDateTime.parse(takenAt.get()).toInstant()), TAKEN);
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return new Timeline(key(LocalDateTime.parse(takenAt.get()).toInstant(ZoneOffset.UTC)), TAKEN_LOCAL);
                } catch (DateTimeParseException unreadable) {
                    // Extraction writes ISO-8601; anything else is placed by its upload, as if absent.
                }
            }
        }
        return new Timeline(key(uploadDate), UPLOAD);
    }

    /** A sort key for a query bound. */
    public static String key(Instant time) {
        return KEY.format(time);
    }
}
