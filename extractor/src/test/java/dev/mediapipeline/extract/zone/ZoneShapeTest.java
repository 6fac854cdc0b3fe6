package dev.mediapipeline.extract.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneShapeTest {

    /** A 10x10 square with a 2x2 hole in the middle, and a separate 1x1 island east of it. */
    private static final List<int[][]> SQUARE_WITH_HOLE_AND_ISLAND = List.of(
            new int[][] {{0, 0, 10, 0, 10, 10, 0, 10}, {4, 4, 6, 4, 6, 6, 4, 6}},
            new int[][] {{20, 0, 21, 0, 21, 1, 20, 1}});

    @Test
    void evenOddRuleWithHolesAndSeveralPolygons() {
        ZoneShape shape = new ZoneShape(SQUARE_WITH_HOLE_AND_ISLAND);

        assertThat(shape.contains(1, 1)).isTrue();
        assertThat(shape.contains(5, 5)).as("in the hole").isFalse();
        assertThat(shape.contains(20, 0)).as("on the island's corner").isTrue();
        assertThat(shape.contains(15, 5)).as("between them").isFalse();
        assertThat(shape.box()).containsExactly(0, 0, 21, 10);
    }

    @Test
    void varintDeltasReadBackAsWritten() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ZoneShape(List.<int[][]>of(new int[][] {{-18_000_000, -9_000_000, 18_000_000, 9_000_000, 0, 1}}))
                .write(new DataOutputStream(bytes));

        // 1 polygon, 1 ring, 6 values; zig-zag of -18,000,000 is 35,999,999: a 4-byte varint.
        assertThat(bytes.toByteArray()).startsWith(1, 1, 6, 0xff, 0xa1, 0x95, 0x11);
        ZoneShape read = ZoneShape.read(bytes.toByteArray());
        assertThat(read.box()).containsExactly(-18_000_000, -9_000_000, 18_000_000, 9_000_000);
    }

    @Test
    void positionsFromTheBuiltIndex() {
        assertThat(GpsTimeZones.at(35.6586, 139.7454)).containsExactly(ZoneId.of("Asia/Tokyo"));
        assertThat(GpsTimeZones.at(-34.9285, 138.6007)).containsExactly(ZoneId.of("Australia/Adelaide"));
        // Tui (Spain) and Valença (Portugal) face each other across the Minho, 2 km apart.
        assertThat(GpsTimeZones.at(42.0466, -8.6447)).containsExactly(ZoneId.of("Europe/Madrid"));
        assertThat(GpsTimeZones.at(42.0270, -8.6430)).containsExactly(ZoneId.of("Europe/Lisbon"));
        assertThat(GpsTimeZones.at(0.0, -30.0)).as("mid-Atlantic").isEmpty();
    }
}
