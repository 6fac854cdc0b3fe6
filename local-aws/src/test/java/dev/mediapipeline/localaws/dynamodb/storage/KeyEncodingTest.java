package dev.mediapipeline.localaws.dynamodb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KeyEncodingTest {

    @Test
    void numbersSortByValueIncludingNegativesFractionsAndExtremes() {
        assertSameOrder(Stream.of("-1E+125", "-12345.678", "-100", "-99.5", "-10", "-1.23", "-1.2", "-1", "-0.5",
                "-1E-130", "0", "1E-130", "0.001", "0.5", "1", "1.2", "1.23", "9", "10", "10.5", "99", "100", "1E+125",
                "9.9999999999999999999999999999999999999E+125").map(Value::n).toList());
    }

    @Test
    void stringsSortByTheirUtf8BytesAndZeroBytesDoNotBreakTheOrder() {
        assertSameOrder(Stream.of("", "\u0000", "\u0000a", "A", "a", "a\u0000", "a\u0000b", "ab", "b", "z", "\u00e9",
                "\uffff", "\ud83d\ude00").map(Value::s).toList());
    }

    @Test
    void binariesSortUnsigned() {
        assertSameOrder(Stream.of(new byte[0], new byte[] {0}, new byte[] {0, 0}, new byte[] {1}, new byte[] {127},
                new byte[] {(byte) 128}, new byte[] {(byte) 255}, new byte[] {(byte) 255, 0}).map(Value::b).toList());
    }

    @Test
    void aPartitionsKeysFormOneRangeWhateverTheirSortKeys() {
        byte[] partition = KeyEncoding.encode(Value.s("a"));
        byte[] end = KeyEncoding.after(partition);
        for (Value sort : List.of(Value.s(""), Value.s("\uffff"), Value.n("-1E+125"), Value.n("1E+125"))) {
            byte[] key = KeyEncoding.encode(Value.s("a"), sort);
            assertThat(Arrays.compareUnsigned(key, partition)).isPositive();
            assertThat(Arrays.compareUnsigned(key, end)).isNegative();
        }
        assertThat(Arrays.compareUnsigned(KeyEncoding.encode(Value.s("a\u0000"), Value.s("x")), end)).isPositive();
    }

    private static void assertSameOrder(List<Value> ascending) {
        List<Value> shuffled = new ArrayList<>(ascending);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.sort(Comparator.comparing(KeyEncoding::encode, Arrays::compareUnsigned));
        assertThat(shuffled).containsExactlyElementsOf(ascending);
        assertThat(ascending).isSortedAccordingTo(Value::compareScalars);
    }
}
