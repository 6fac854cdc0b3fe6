package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Arrays;

/**
 * DynamoDB's comparison rules: values of different types are never equal and never ordered (a false
 * result, not an error), only S, N and B are ordered, and a missing value satisfies nothing.
 */
final class Comparisons {

    private Comparisons() {
    }

    static boolean equal(Value a, Value b) {
        return a != null && a.equals(b);
    }

    /** Whether {@code a op b} holds for one of {@code = <> < <= > >=}. */
    static boolean compare(String operator, Value a, Value b) {
        if (operator.equals("=")) {
            return equal(a, b);
        }
        if (operator.equals("<>")) {
            // DynamoDB: a missing attribute is "not equal" to any value.
            return !equal(a, b);
        }
        if (!ordered(a, b)) {
            return false;
        }
        int order = Value.compareScalars(a, b);
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> throw new IllegalArgumentException("not a comparison: " + operator);
        };
    }

    static boolean between(Value value, Value low, Value high) {
        return ordered(value, low) && ordered(value, high)
                && Value.compareScalars(value, low) >= 0 && Value.compareScalars(value, high) <= 0;
    }

    static boolean beginsWith(Value value, Value prefix) {
        if (value == null || prefix == null || value.type() != prefix.type()) {
            return false;
        }
        if (value.type() == Value.Type.S) {
            return value.asS().startsWith(prefix.asS());
        }
        if (value.type() == Value.Type.B) {
            byte[] bytes = value.asB().toArray();
            byte[] start = prefix.asB().toArray();
            return bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
        }
        return false;
    }

    /** A substring of a string, a member of a set of the operand's type, or an element of a list. */
    static boolean contains(Value container, Value member) {
        if (container == null || member == null) {
            return false;
        }
        return switch (container.type()) {
            case S -> member.type() == Value.Type.S && container.asS().contains(member.asS());
            case SS -> member.type() == Value.Type.S && container.asSS().contains(member.asS());
            case NS -> member.type() == Value.Type.N && container.asNS().contains(member.asN());
            case BS -> member.type() == Value.Type.B && container.asBS().contains(member.asB());
            case L -> container.asL().contains(member);
            default -> false;
        };
    }

    private static boolean ordered(Value a, Value b) {
        return a != null && b != null && a.type() == b.type() && a.type().isScalarKeyType();
    }
}
