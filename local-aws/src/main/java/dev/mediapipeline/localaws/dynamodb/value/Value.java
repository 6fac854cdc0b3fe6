package dev.mediapipeline.localaws.dynamodb.value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One DynamoDB attribute value, immutable. Numbers are held as normalised {@link BigDecimal}s (so
 * {@code 1.50} equals {@code 1.5}, as DynamoDB compares them), binaries as {@link Bytes}; sets keep the
 * order they were given in and never hold duplicates; maps keep their order.
 *
 * <p>Build values with the static factories; they do not validate DynamoDB's limits (empty sets, number
 * range): {@link ValueJson} does that when reading a request, because the error depends on where the value
 * came from.
 */
public final class Value {

    /** The wire names of DynamoDB's data types, as in {@code {"S": "x"}}. */
    public enum Type {
        S, N, B, SS, NS, BS, M, L, NULL, BOOL;

        /** Whether a key attribute may have this type. */
        public boolean isScalarKeyType() {
            return this == S || this == N || this == B;
        }

        public boolean isSet() {
            return this == SS || this == NS || this == BS;
        }
    }

    public static final Value NULL = new Value(Type.NULL, Boolean.TRUE);
    public static final Value TRUE = new Value(Type.BOOL, Boolean.TRUE);
    public static final Value FALSE = new Value(Type.BOOL, Boolean.FALSE);

    private final Type type;
    /** String, BigDecimal, Bytes, Set of those, Map of String to Value, List of Value, or Boolean. */
    private final Object content;

    private Value(Type type, Object content) {
        this.type = type;
        this.content = content;
    }

    public static Value s(String s) {
        return new Value(Type.S, Objects.requireNonNull(s));
    }

    /** A number, normalised: trailing zeros and exponent notation do not make a different value. */
    public static Value n(BigDecimal n) {
        return new Value(Type.N, normalise(n));
    }

    /** @throws NumberFormatException when {@code n} is not a decimal number */
    public static Value n(String n) {
        return n(new BigDecimal(n.trim()));
    }

    public static Value n(long n) {
        return n(BigDecimal.valueOf(n));
    }

    public static Value b(Bytes b) {
        return new Value(Type.B, Objects.requireNonNull(b));
    }

    public static Value b(byte[] b) {
        return b(Bytes.copyOf(b));
    }

    public static Value ss(Iterable<String> members) {
        return new Value(Type.SS, orderedSet(members));
    }

    public static Value ns(Iterable<BigDecimal> members) {
        List<BigDecimal> normalised = new ArrayList<>();
        members.forEach(m -> normalised.add(normalise(m)));
        return new Value(Type.NS, orderedSet(normalised));
    }

    public static Value bs(Iterable<Bytes> members) {
        return new Value(Type.BS, orderedSet(members));
    }

    public static Value m(Map<String, Value> members) {
        return new Value(Type.M, Collections.unmodifiableMap(new LinkedHashMap<>(members)));
    }

    public static Value l(List<Value> members) {
        return new Value(Type.L, List.copyOf(members));
    }

    public static Value bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    public Type type() {
        return type;
    }

    public String asS() {
        return (String) expect(Type.S);
    }

    public BigDecimal asN() {
        return (BigDecimal) expect(Type.N);
    }

    /** The number as DynamoDB returns it: plain notation, no trailing zeros. */
    public String asNText() {
        return asN().toPlainString();
    }

    public Bytes asB() {
        return (Bytes) expect(Type.B);
    }

    @SuppressWarnings("unchecked")
    public Set<String> asSS() {
        return (Set<String>) expect(Type.SS);
    }

    @SuppressWarnings("unchecked")
    public Set<BigDecimal> asNS() {
        return (Set<BigDecimal>) expect(Type.NS);
    }

    @SuppressWarnings("unchecked")
    public Set<Bytes> asBS() {
        return (Set<Bytes>) expect(Type.BS);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Value> asM() {
        return (Map<String, Value>) expect(Type.M);
    }

    @SuppressWarnings("unchecked")
    public List<Value> asL() {
        return (List<Value>) expect(Type.L);
    }

    public boolean asBool() {
        return (Boolean) expect(Type.BOOL);
    }

    /** The members of a set value, whatever its type. */
    public Set<?> setMembers() {
        if (!type.isSet()) {
            throw new IllegalStateException("not a set: " + type);
        }
        return (Set<?>) content;
    }

    /**
     * DynamoDB's size of this value in bytes, as its item size limit and capacity units count it:
     * strings and binaries by their (UTF-8) length, numbers by about one byte per two significant digits
     * plus one, documents with 3 bytes of overhead plus one per member (and each map key's length).
     */
    public int size() {
        return switch (type) {
            case S -> utf8Length(asS());
            case N -> numberSize(asN());
            case B -> asB().length();
            case SS -> asSS().stream().mapToInt(Value::utf8Length).sum();
            case NS -> asNS().stream().mapToInt(Value::numberSize).sum();
            case BS -> asBS().stream().mapToInt(Bytes::length).sum();
            case NULL, BOOL -> 1;
            case L -> 3 + asL().stream().mapToInt(v -> 1 + v.size()).sum();
            case M -> 3 + asM().entrySet().stream().mapToInt(e -> 1 + utf8Length(e.getKey()) + e.getValue().size()).sum();
        };
    }

    /**
     * DynamoDB's order of two values of the same scalar type, as sort keys and comparisons use it:
     * numbers by value, strings by their UTF-8 bytes, binaries byte by byte (both unsigned).
     */
    public static int compareScalars(Value a, Value b) {
        if (a.type != b.type || !a.type.isScalarKeyType()) {
            throw new IllegalArgumentException("cannot order " + a.type + " and " + b.type);
        }
        return switch (a.type) {
            case N -> a.asN().compareTo(b.asN());
            case S -> Arrays.compareUnsigned(a.asS().getBytes(StandardCharsets.UTF_8), b.asS().getBytes(StandardCharsets.UTF_8));
            default -> a.asB().compareTo(b.asB());
        };
    }

    /** The size of an item: its attribute names and values, as DynamoDB's 400 KB limit counts it. */
    public static int itemSize(Map<String, Value> item) {
        return item.entrySet().stream().mapToInt(e -> utf8Length(e.getKey()) + e.getValue().size()).sum();
    }

    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value other && type == other.type && content.equals(other.content);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + content.hashCode();
    }

    @Override
    public String toString() {
        return "{" + type + ": " + content + "}";
    }

    private Object expect(Type wanted) {
        if (type != wanted) {
            throw new IllegalStateException("a " + type + " value is not " + wanted);
        }
        return content;
    }

    private static BigDecimal normalise(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        // Keep integers without an exponent, so equal numbers are equal objects (1E+2 vs 100).
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static int numberSize(BigDecimal n) {
        if (n.signum() == 0) {
            return 1;
        }
        int digits = n.unscaledValue().abs().toString().length();
        return (digits + 1) / 2 + 1;
    }

    private static <T> Set<T> orderedSet(Iterable<T> members) {
        Set<T> set = new LinkedHashSet<>();
        members.forEach(m -> set.add(Objects.requireNonNull(m)));
        return Collections.unmodifiableSet(set);
    }

    /** An immutable byte string, ordered as DynamoDB orders binaries: unsigned, byte by byte. */
    public static final class Bytes implements Comparable<Bytes> {
        private final byte[] bytes;

        private Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        public static Bytes copyOf(byte[] bytes) {
            return new Bytes(bytes.clone());
        }

        public byte[] toArray() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        @Override
        public int compareTo(Bytes other) {
            return Arrays.compareUnsigned(bytes, other.bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
    }
}
