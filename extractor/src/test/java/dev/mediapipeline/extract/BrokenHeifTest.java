package dev.mediapipeline.extract;

import static dev.mediapipeline.extract.FreshlyEncodedMediaTest.extract;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEIF files of a few hundred bytes written box by box: a 640x480 primary item turned a quarter (irot) and an
 * Exif item naming the camera "Apple", with one box broken the way damaged files are. What exiftool 12.57
 * recovers from each is recovered; what it cannot give either ends FAILED with the broken box named.
 */
class BrokenHeifTest {

    @TempDir
    Path dir;

    @Test
    void intactFileGivesSizeAndCamera() throws Exception {
        MediaMetadata m = extract(write(new Heif()));

        assertThat(m.status()).as("%s", m).isEqualTo("READY");
        assertThat(m.width()).isEqualTo(480);
        assertThat(m.height()).isEqualTo(640);
        assertThat(m.cameraMake()).isEqualTo("Apple");
    }

    @Test
    void ilocPromisingMoreItemsThanItHoldsKeepsTheItemsItHolds() throws Exception {
        Heif heif = new Heif();
        heif.ilocCount = 30;

        MediaMetadata m = extract(write(heif));

        assertThat(m.status()).as("%s", m).isEqualTo("READY");
        assertThat(m.width()).isEqualTo(480);
        assertThat(m.cameraMake()).isEqualTo("Apple");
    }

    @Test
    void ipmaPromisingMoreEntriesThanItHoldsKeepsTheEntriesItHolds() throws Exception {
        Heif heif = new Heif();
        heif.ipmaCount = 7;

        MediaMetadata m = extract(write(heif));

        assertThat(m.status()).as("%s", m).isEqualTo("READY");
        assertThat(m.height()).isEqualTo(640);
        assertThat(m.cameraMake()).isEqualTo("Apple");
    }

    @Test
    void exifItemCutShortInIlocFailsNamingTheBoxAndKeepsTheSize() throws Exception {
        Heif heif = new Heif();
        heif.exifExtents = 3;

        MediaMetadata m = extract(write(heif));

        // exiftool: the size, and "No Extents for Exif item".
        assertThat(m.status()).isEqualTo("FAILED");
        assertThat(m.errorClass()).isEqualTo(ErrorClass.CORRUPT);
        assertThat(m.error()).isEqualTo("HEIF item 2 (Exif) has no location: iloc box is cut short inside an entry");
        assertThat(m.width()).isEqualTo(480);
        assertThat(m.height()).isEqualTo(640);
    }

    @Test
    void noPrimaryItemFailsSayingSoAndKeepsTheCamera() throws Exception {
        Heif heif = new Heif();
        heif.pitm = "free";

        MediaMetadata m = extract(write(heif));

        assertThat(m.status()).isEqualTo("FAILED");
        assertThat(m.error()).isEqualTo("no image size: the HEIF file names no primary item (pitm)");
        assertThat(m.cameraMake()).isEqualTo("Apple");
    }

    @Test
    void primaryItemWithoutIspeFailsSayingSo() throws Exception {
        Heif heif = new Heif();
        heif.ispe = "xxxx";

        MediaMetadata m = extract(write(heif));

        assertThat(m.status()).isEqualTo("FAILED");
        assertThat(m.error()).isEqualTo("no image size: the HEIF primary item 1 has no ispe property");
        assertThat(m.cameraMake()).isEqualTo("Apple");
    }

    private Path write(Heif heif) throws Exception {
        return Files.write(dir.resolve("broken.heic"), heif.bytes());
    }

    /** The boxes of the file, with the fields a test breaks. */
    private static final class Heif {
        String pitm = "pitm";
        String ispe = "ispe";
        int ilocCount = 2;
        int exifExtents = 1;
        int ipmaCount = 1;

        byte[] bytes() {
            byte[] exif = concat(u32(0), exifTiff());
            byte[] ftyp = box("ftyp", ascii("heic"), u32(0), ascii("mif1heic"));
            byte[] meta = meta(0, exif.length);
            int exifOffset = ftyp.length + meta.length + 8;
            return concat(ftyp, meta(exifOffset, exif.length), box("mdat", exif));
        }

        private byte[] meta(int exifOffset, int exifLength) {
            byte[] hdlr = full("hdlr", 0, u32(0), ascii("pict"), new byte[13]);
            byte[] iinf = full("iinf", 0, u16(2), full("infe", 2, u16(1), u16(0), ascii("hvc1"), new byte[1]),
                    full("infe", 2, u16(2), u16(0), ascii("Exif"), new byte[1]));
            // Offsets and lengths of 4 bytes, no base offset; item 1's data is not needed.
            byte[] iloc = full("iloc", 0, new byte[] {0x44, 0}, u16(ilocCount),
                    u16(1), u16(0), u16(1), u32(0), u32(0),
                    u16(2), u16(0), u16(exifExtents), u32(exifOffset), u32(exifLength));
            byte[] ipco = box("ipco", full(ispe, 0, u32(640), u32(480)), box("irot", new byte[] {1}));
            byte[] ipma = full("ipma", 0, u32(ipmaCount), u16(1), new byte[] {2, (byte) 0x81, 0x02});
            return full("meta", 0, hdlr, full(pitm, 0, u16(1)), iinf, iloc, box("iprp", ipco, ipma));
        }

        /** A big-endian TIFF with one IFD entry: Make "Apple". */
        private static byte[] exifTiff() {
            return concat(ascii("MM"), u16(42), u32(8), u16(1), u16(0x010f), u16(2), u32(6), u32(8 + 2 + 12 + 4),
                    u32(0), ascii("Apple\0"));
        }

        private static byte[] box(String type, byte[]... parts) {
            byte[] payload = concat(parts);
            return concat(u32(8 + payload.length), ascii(type), payload);
        }

        private static byte[] full(String type, int version, byte[]... parts) {
            return box(type, concat(new byte[] {(byte) version, 0, 0, 0}, concat(parts)));
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                out.writeBytes(p);
            }
            return out.toByteArray();
        }

        private static byte[] u16(int v) {
            return ByteBuffer.allocate(2).putShort((short) v).array();
        }

        private static byte[] u32(int v) {
            return ByteBuffer.allocate(4).putInt(v).array();
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
