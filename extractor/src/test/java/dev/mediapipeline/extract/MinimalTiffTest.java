package dev.mediapipeline.extract;

import static dev.mediapipeline.extract.FreshlyEncodedMediaTest.extract;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TIFF files of a few dozen bytes, written by hand: a header and one IFD with ImageWidth and ImageLength.
 * exiftool 12.57 reads 7x5 from each readable one and "Bad IFD0 directory" from the one cut short.
 */
class MinimalTiffTest {

    private static final short SHORT = 3;
    private static final short LONG = 4;

    @TempDir
    Path dir;

    @Test
    void littleEndianIfdWithOnlyTheSize() throws Exception {
        MediaMetadata m = extract(write("le.tif", tiff(ByteOrder.LITTLE_ENDIAN, SHORT, 2, true)));

        assertThat(m.status()).as("%s", m).isEqualTo("READY");
        assertThat(m.contentType()).isEqualTo("image/tiff");
        assertThat(m.width()).isEqualTo(7);
        assertThat(m.height()).isEqualTo(5);
    }

    @Test
    void bigEndianIfdWithLongValues() throws Exception {
        MediaMetadata m = extract(write("be.tif", tiff(ByteOrder.BIG_ENDIAN, LONG, 2, true)));

        assertThat(m.width()).isEqualTo(7);
        assertThat(m.height()).isEqualTo(5);
    }

    @Test
    void fileEndingRightAfterItsLastIfdEntryHasNoNextIfd() throws Exception {
        MediaMetadata m = extract(write("no-next.tif", tiff(ByteOrder.LITTLE_ENDIAN, SHORT, 2, false)));

        assertThat(m.status()).as("%s", m).isEqualTo("READY");
        assertThat(m.width()).isEqualTo(7);
        assertThat(m.height()).isEqualTo(5);
        assertThat(m.bytesRead()).isEqualTo(34);
    }

    @Test
    void ifdCutShortIsCorrupt() throws Exception {
        MediaMetadata m = extract(write("cut.tif", tiff(ByteOrder.LITTLE_ENDIAN, SHORT, 5, false)));

        assertThat(m.status()).isEqualTo("FAILED");
        assertThat(m.errorClass()).isEqualTo(ErrorClass.CORRUPT);
        assertThat(m.error()).isEqualTo("no image dimensions found");
    }

    /** A TIFF header and an IFD claiming {@code count} entries of which the first two are written. */
    private static byte[] tiff(ByteOrder order, short type, int count, boolean nextIfdOffset) {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 2 * 12 + (nextIfdOffset ? 4 : 0)).order(order);
        b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M').put(b.get(0)).putShort((short) 42).putInt(8);
        b.putShort((short) count);
        entry(b, 256, type, 7);
        entry(b, 257, type, 5);
        if (nextIfdOffset) {
            b.putInt(0);
        }
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, short type, int value) {
        b.putShort((short) tag).putShort(type).putInt(1);
        if (type == SHORT) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }
}
