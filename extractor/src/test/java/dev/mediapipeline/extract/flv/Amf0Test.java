package dev.mediapipeline.extract.flv;

import static dev.mediapipeline.extract.testing.HandMade.ascii;
import static dev.mediapipeline.extract.testing.HandMade.bytes;
import static dev.mediapipeline.extract.testing.HandMade.concat;
import static dev.mediapipeline.extract.testing.HandMade.u16;
import static dev.mediapipeline.extract.testing.HandMade.u32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AMF0 values of an FLV onMetaData script tag (Adobe AMF0 specification, FLV specification E.4.4). */
class Amf0Test {

    @Test
    void onMetaDataIsAStringThenAnEcmaArrayOfNamedValues() {
        ByteBuffer data = ByteBuffer.wrap(concat(
                string("onMetaData"),
                bytes(0x08), u32(4),                                     // ECMA array of 4
                key("duration"), number(12.5),
                key("width"), number(640),
                key("stereo"), bytes(0x01, 0x01),                        // boolean true
                key("encoder"), string("Lavf61.1.100"),
                bytes(0x00, 0x00, 0x09)));                               // object end

        assertThat(Amf0.value(data)).isEqualTo("onMetaData");
        assertThat(Amf0.value(data)).isEqualTo(Map.of("duration", 12.5, "width", 640.0, "stereo", true,
                "encoder", "Lavf61.1.100"));
        assertThat(data.remaining()).isZero();
    }

    @Test
    void nestedObjectsStrictArraysDatesAndNullsAreReadPast() {
        ByteBuffer data = ByteBuffer.wrap(concat(
                bytes(0x03),                                             // anonymous object
                key("keyframes"), bytes(0x03),
                key("times"), bytes(0x0A), u32(2), number(0), number(2),  // strict array: skipped, null
                bytes(0x00, 0x00, 0x09),
                key("creationdate"), bytes(0x0B), float64(1.7e12), u16(0), // date: millis and a time zone
                key("nothing"), bytes(0x05),                             // null
                bytes(0x00, 0x00, 0x09)));

        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) Amf0.value(data);

        assertThat(object).containsEntry("creationdate", 1.7e12).containsEntry("nothing", null);
        assertThat(object.get("keyframes")).isEqualTo(Collections.singletonMap("times", null));
        assertThat(data.remaining()).isZero();
    }

    @Test
    void anUnknownTypeOrAStringLongerThanTheTagIsCorrupt() {
        assertThatThrownBy(() -> Amf0.value(ByteBuffer.wrap(bytes(0x0D)))).isInstanceOf(BufferUnderflowException.class);
        assertThatThrownBy(() -> Amf0.value(ByteBuffer.wrap(concat(bytes(0x02), u16(50), ascii("short")))))
                .isInstanceOf(BufferUnderflowException.class);
    }

    private static byte[] key(String name) {
        return concat(u16(name.length()), ascii(name));
    }

    private static byte[] string(String s) {
        return concat(bytes(0x02), key(s));
    }

    private static byte[] number(double v) {
        return concat(bytes(0x00), float64(v));
    }

    private static byte[] float64(double v) {
        return ByteBuffer.allocate(8).putDouble(v).array();
    }
}
