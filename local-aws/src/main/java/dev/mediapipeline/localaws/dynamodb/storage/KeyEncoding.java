package dev.mediapipeline.localaws.dynamodb.storage;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns key attribute values into byte strings whose unsigned order is DynamoDB's key order (numbers by
 * value, strings by UTF-8 bytes, binaries unsigned), and which are prefix-free, so that a partition key
 * followed by a sort key sorts by partition first and a partition's items form one contiguous range.
 */
public final class KeyEncoding {

    /** Ends a string or binary; a zero byte inside one is escaped as 0x00 0xFF, so the end sorts first. */
    private static final int END = 0x01;
    private static final int ESCAPED_ZERO = 0xFF;
    private static final int NEGATIVE = 0x01;
    private static final int ZERO = 0x02;
    private static final int POSITIVE = 0x03;
    /**
     * DynamoDB's numbers have decimal exponents (the leading digit's position) from -129 (1E-130) to 126
     * (just below 1E+126): biased, every one fits an unsigned byte.
     */
    private static final int EXPONENT_BIAS = 129;

    private KeyEncoding() {
    }

    /** The encoding of one or more key values in sequence, e.g. partition key then sort key. */
    public static byte[] encode(Value... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Value part : parts) {
            if (part != null) {
                append(out, part);
            }
        }
        return out.toByteArray();
    }

    /**
     * The encoding every key starting with {@code value}'s string or bytes starts with, for a sort-key
     * begins_with: the value's bytes without their end mark.
     */
    public static byte[] encodeStart(Value value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        appendEscaped(out, value.type() == Value.Type.S ? value.asS().getBytes(StandardCharsets.UTF_8) : value.asB().toArray());
        return out.toByteArray();
    }

    /**
     * The first byte string after every key that starts with {@code prefix}: the exclusive upper bound of
     * a partition's range. Encoded keys never end a prefix with 0xFF bytes alone, so incrementing works.
     */
    public static byte[] after(byte[] prefix) {
        byte[] next = prefix.clone();
        for (int i = next.length - 1; i >= 0; i--) {
            if (next[i] != (byte) 0xFF) {
                next[i]++;
                return Arrays.copyOf(next, i + 1);
            }
        }
        throw new IllegalArgumentException("no byte string follows an all-0xFF prefix");
    }

    private static void append(ByteArrayOutputStream out, Value value) {
        switch (value.type()) {
            case S -> appendBytes(out, value.asS().getBytes(StandardCharsets.UTF_8));
            case B -> appendBytes(out, value.asB().toArray());
            case N -> appendNumber(out, value.asN());
            default -> throw new IllegalArgumentException("not a key type: " + value.type());
        }
    }

    private static void appendBytes(ByteArrayOutputStream out, byte[] bytes) {
        appendEscaped(out, bytes);
        out.write(0);
        out.write(END);
    }

    private static void appendEscaped(ByteArrayOutputStream out, byte[] bytes) {
        for (byte b : bytes) {
            out.write(b);
            if (b == 0) {
                out.write(ESCAPED_ZERO);
            }
        }
    }

    /**
     * Sign, then the decimal exponent, then the significant digits and an end mark; for negative numbers
     * exponent, digits and end mark are inverted, so a larger magnitude sorts first.
     */
    private static void appendNumber(ByteArrayOutputStream out, BigDecimal n) {
        int signum = n.signum();
        if (signum == 0) {
            out.write(ZERO);
            return;
        }
        BigDecimal magnitude = n.abs().stripTrailingZeros();
        String digits = magnitude.unscaledValue().toString();
        int exponent = digits.length() - magnitude.scale();
        int flip = signum < 0 ? 0xFF : 0;
        out.write(signum < 0 ? NEGATIVE : POSITIVE);
        out.write((exponent + EXPONENT_BIAS) ^ flip);
        for (int i = 0; i < digits.length(); i++) {
            out.write((digits.charAt(i) - '0' + 1) ^ flip);
        }
        out.write(flip);
    }
}
