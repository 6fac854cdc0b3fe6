package dev.mediapipeline.extract.matroska;

import static dev.mediapipeline.extract.testing.HandMade.ascii;
import static dev.mediapipeline.extract.testing.HandMade.bytes;
import static dev.mediapipeline.extract.testing.HandMade.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EBML (RFC 8794) ids and data sizes of every length, unknown sizes, and Matroska's value types. */
class EbmlCursorTest {

    @Test
    void idsKeepTheirMarkerAndSizesLoseIt() {
        EbmlCursor c = EbmlCursor.of(bytes(
                0x1A, 0x45, 0xDF, 0xA3,    // EBML header id, 4 bytes
                0x42, 0x86,                // EBMLVersion, 2 bytes
                0x81,                      // size 1 in 1 byte
                0x40, 0x02,                // size 2 in 2 bytes
                0x01, 0, 0, 0, 0, 0, 0x01, 0x00)); // size 256 in 8 bytes

        assertThat(c.id()).isEqualTo(0x1A45DFA3L);
        assertThat(c.id()).isEqualTo(0x4286L);
        assertThat(c.size()).isEqualTo(1);
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.size()).isEqualTo(256);
    }

    @Test
    void allOnesInAnyLengthIsAnUnknownSize() {
        EbmlCursor c = EbmlCursor.of(bytes(0xFF, 0x7F, 0xFF, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));

        assertThat(c.size()).isEqualTo(EbmlCursor.UNKNOWN_SIZE);
        assertThat(c.size()).isEqualTo(EbmlCursor.UNKNOWN_SIZE);
        assertThat(c.size()).isEqualTo(EbmlCursor.UNKNOWN_SIZE);
    }

    @Test
    void anElementOfUnknownSizeRunsToTheEndOfWhatIsThere() {
        // A live-streamed Segment: Info of known size, then a Cluster whose size was never written.
        byte[] segment = concat(
                bytes(0x15, 0x49, 0xA9, 0x66, 0x84), bytes(0x2A, 0xD7, 0xB1, 0x80),  // Info { TimecodeScale (empty) }
                bytes(0x1F, 0x43, 0xB6, 0x75, 0xFF), bytes(0xE7, 0x81, 0x05, 0xA3, 0x82, 0x81, 0x00));

        List<EbmlCursor.Element> elements = EbmlCursor.of(segment).elements();

        assertThat(elements).extracting(EbmlCursor.Element::id).containsExactly(0x1549A966L, 0x1F43B675L);
        List<EbmlCursor.Element> cluster = elements.get(1).data().elements();
        assertThat(cluster).extracting(EbmlCursor.Element::id).containsExactly(0xE7L, 0xA3L);
        assertThat(cluster.get(0).data().unsigned()).isEqualTo(5);
    }

    @Test
    void valuesAreBigEndianIntegersFloatsOfFourOrEightBytesAndNulPaddedStrings() {
        EbmlCursor duration = new EbmlCursor(ByteBuffer.allocate(8).putDouble(0, 1234.5));
        EbmlCursor frameRate = new EbmlCursor(ByteBuffer.allocate(4).putFloat(0, 25f));

        assertThat(EbmlCursor.of(bytes(0x0F, 0x42, 0x40)).unsigned()).isEqualTo(1_000_000);
        assertThat(EbmlCursor.of(bytes(0xFF, 0xFE)).signed16()).isEqualTo(-2);
        assertThat(duration.floating()).isEqualTo(1234.5);
        assertThat(frameRate.floating()).isEqualTo(25.0);
        assertThat(EbmlCursor.of(concat(ascii("V_MPEG4/ISO/AVC"), bytes(0, 0))).string()).isEqualTo("V_MPEG4/ISO/AVC");
    }
}
