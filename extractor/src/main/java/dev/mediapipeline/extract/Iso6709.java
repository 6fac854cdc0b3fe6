package dev.mediapipeline.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 6709 location strings as cameras and phones write them into video containers:
 * "+37.7450-122.4194+010.000/" (decimal degrees, optional altitude, trailing CRS slash).
 */
public final class Iso6709 {

    private static final Pattern DECIMAL = Pattern.compile(
            "^\\s*([+-]\\d{1,2}(?:\\.\\d+)?)([+-]\\d{1,3}(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)?(?:CRS[^/]*)?/?\\s*$");

    private Iso6709() {
    }

    /** Copies the location into {@code out} when the string is a decimal-degree ISO 6709 point. */
    public static void copy(String value, MediaMetadata.Builder out) {
        if (value == null) {
            return;
        }
        Matcher m = DECIMAL.matcher(value);
        if (m.matches()) {
            out.gps(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    m.group(3) == null ? null : Double.parseDouble(m.group(3)));
        }
    }
}
