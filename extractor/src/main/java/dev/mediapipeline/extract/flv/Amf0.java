package dev.mediapipeline.extract.flv;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The AMF0 values of an FLV script tag (onMetaData): numbers, booleans, strings, objects and arrays. */
final class Amf0 {

    private static final int MAX_DEPTH = 16;

    private Amf0() {
    }

    /** Reads one value; objects and ECMA arrays become maps, other unsupported types null. */
    static Object value(ByteBuffer b) {
        return value(b, 0);
    }

    private static Object value(ByteBuffer b, int depth) {
        if (depth > MAX_DEPTH) {
            throw new BufferUnderflowException();
        }
        int type = b.get() & 0xff;
        return switch (type) {
            case 0 -> b.getDouble();
            case 1 -> b.get() != 0;
            case 2 -> string(b, b.getShort() & 0xffff);
            case 3 -> properties(b, depth);
            case 8 -> {
                b.getInt();
                yield properties(b, depth);
            }
            case 10 -> {
                long n = b.getInt() & 0xffffffffL;
                for (long i = 0; i < n; i++) {
                    value(b, depth + 1);
                }
                yield null;
            }
            case 11 -> {
                double millis = b.getDouble();
                b.getShort();
                yield millis;
            }
            case 12 -> string(b, b.getInt());
            case 5, 6 -> null;
            default -> throw new BufferUnderflowException();
        };
    }

    private static Map<String, Object> properties(ByteBuffer b, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        while (b.remaining() >= 3) {
            String key = string(b, b.getShort() & 0xffff);
            if (key.isEmpty() && (b.get(b.position()) & 0xff) == 9) {
                b.get();
                break;
            }
            map.put(key, value(b, depth + 1));
        }
        return map;
    }

    private static String string(ByteBuffer b, int length) {
        if (length < 0 || length > b.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
