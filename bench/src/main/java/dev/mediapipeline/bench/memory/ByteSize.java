package dev.mediapipeline.bench.memory;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** "2g", "50m", "512k" or plain bytes, as JVM options spell sizes. */
final class ByteSize implements ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        long unit = switch (v.isEmpty() ? ' ' : v.charAt(v.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
        long n = Long.parseLong(digits);
        if (n <= 0) {
            throw new IllegalArgumentException("size must be positive: " + value);
        }
        return Math.multiplyExact(n, unit);
    }
}
