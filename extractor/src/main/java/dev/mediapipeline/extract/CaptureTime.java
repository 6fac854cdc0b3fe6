package dev.mediapipeline.extract;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the date strings cameras write (EXIF "2019:08:21 11:21:36", with optional sub-seconds and zone,
 * XMP/ISO "2013-09-23T10:09:46+02:00") into the ISO-8601 TakenAt value. Blank, all-zero and impossible
 * dates are absent: a photo never claims to be from year 0 or 1970 because a field was empty.
 */
public final class CaptureTime {

    private static final Pattern DATE = Pattern.compile(
            "^\\s*(\\d{4})[:\\-](\\d{2})[:\\-](\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:[.,](\\d+))?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2})?\\s*$");
    private static final Pattern SPACE_PADDED = Pattern.compile("(?<=[:\\-])\\s(?=\\d(?!\\d))");
    private static final Pattern OFFSET = Pattern.compile("^\\s*(Z|[+-]\\d{2}:?\\d{2})\\s*$");
    private static final Pattern ZONED = Pattern.compile("[+-]\\d{2}:\\d{2}$");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private CaptureTime() {
    }

    /**
     * @param value     the date string
     * @param subSecond digits of a separate sub-second tag (EXIF SubSecTimeOriginal), or null
     * @param offset    a separate offset tag (EXIF OffsetTimeOriginal, "+02:00"), or null
     */
    public static Optional<String> parse(String value, String subSecond, String offset) {
        if (value == null) {
            return Optional.empty();
        }
        // Some cameras pad single digits with spaces: "2020: 3:16 10: 0: 0".
        Matcher m = DATE.matcher(SPACE_PADDED.matcher(value).replaceAll("0"));
        if (!m.matches()) {
            return Optional.empty();
        }
        LocalDateTime time;
        try {
            time = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), number(m.group(4)), number(m.group(5)), number(m.group(6)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (time.getYear() < 1800) {
            return Optional.empty();
        }
        String fraction = m.group(7) != null ? m.group(7) : digits(subSecond);
        if (fraction != null) {
            time = time.plusNanos(Long.parseLong((fraction + "000").substring(0, 3)) * 1_000_000L);
        }
        ZoneOffset zone = zone(m.group(8));
        if (zone == null && offset != null) {
            Matcher o = OFFSET.matcher(offset);
            zone = o.matches() ? zone(o.group(1)) : null;
        }
        return Optional.of(format(time, zone));
    }

    /** A UTC instant given as seconds since the Unix epoch (containers); 0 and negatives are absent. */
    public static Optional<String> ofEpochSecondUtc(long epochSeconds) {
        if (epochSeconds <= 0) {
            return Optional.empty();
        }
        return Optional.of(format(LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC), ZoneOffset.UTC));
    }

    /** Whether an ISO-8601 TakenAt value carries an offset (Z or ±hh:mm). */
    public static boolean hasOffset(String iso) {
        return iso.endsWith("Z") || ZONED.matcher(iso).find();
    }

    /** The TakenAt form: to the millisecond when there are any, with the offset when there is one. */
    public static String format(LocalDateTime time, ZoneOffset zone) {
        LocalDateTime t = time.truncatedTo(ChronoUnit.MILLIS);
        StringBuilder s = new StringBuilder(LOCAL.format(t));
        if (t.getNano() != 0) {
            s.append(String.format(".%03d", t.getNano() / 1_000_000));
        }
        if (zone != null) {
            s.append(zone.getId());
        }
        return s.toString();
    }

    private static ZoneOffset zone(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.equals("Z") ? ZoneOffset.UTC
                    : ZoneOffset.of(text.length() == 5 ? text.substring(0, 3) + ":" + text.substring(3) : text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static String digits(String subSecond) {
        if (subSecond == null) {
            return null;
        }
        String d = subSecond.strip();
        return d.matches("\\d+") ? d : null;
    }
}
