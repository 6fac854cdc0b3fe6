package dev.mediapipeline.localaws.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Short ways to write values, items and placeholder maps in the expression tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Value s(String s) {
        return Value.s(s);
    }

    static Value n(String n) {
        return Value.n(n);
    }

    static Value b(int... bytes) {
        byte[] array = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            array[i] = (byte) bytes[i];
        }
        return Value.b(array);
    }

    static Value ss(String... members) {
        return Value.ss(List.of(members));
    }

    static Value ns(String... members) {
        return Value.ns(Arrays.stream(members).map(BigDecimal::new).toList());
    }

    static Value l(Value... members) {
        return Value.l(List.of(members));
    }

    static Value m(Object... namesAndValues) {
        return Value.m(item(namesAndValues));
    }

    /** An item from alternating names and values. */
    static Map<String, Value> item(Object... namesAndValues) {
        Map<String, Value> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (Value) namesAndValues[i + 1]);
        }
        return item;
    }

    /** A context with the values given as alternating ":placeholder", value, and no names. */
    static ExpressionContext values(Object... placeholdersAndValues) {
        return new ExpressionContext(null, item(placeholdersAndValues));
    }

    static ExpressionContext names(String... placeholdersAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < placeholdersAndNames.length; i += 2) {
            names.put(placeholdersAndNames[i], placeholdersAndNames[i + 1]);
        }
        return new ExpressionContext(names, null);
    }

    /** Asserts a ValidationException with exactly this message. */
    static void assertValidation(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(DynamoDbException.class)
                .hasMessage(message)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((DynamoDbException) e).type()).isEqualTo("ValidationException"));
    }
}
