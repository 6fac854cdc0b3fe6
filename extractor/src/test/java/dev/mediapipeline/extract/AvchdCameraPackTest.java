package dev.mediapipeline.extract;

import static dev.mediapipeline.extract.FreshlyEncodedMediaTest.extract;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.extract.testing.Encoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * AVCHD camera files (.mts): an H.264 stream made by ffmpeg, with an MDPM SEI message written by hand before
 * its first picture as AVCHD cameras write it, muxed into 192-byte transport packets. exiftool 12.57 reads these
 * files as Make "Sony", Model "HDR-CX700E", DateTimeOriginal "2021:05:25 16:21:51-09:00" (and "Panasonic",
 * no model, "2019:12:31 23:59:58+05:30" for the second).
 */
@EnabledIf(value = "dev.mediapipeline.extract.testing.Encoder#ffmpegAvailable", disabledReason = "no /usr/bin/ffmpeg")
class AvchdCameraPackTest {

    private static final byte[] MDPM = HexFormat.of().parseHex("17ee8c60f84d11d98cd60800200c9a66");

    @TempDir
    static Path dir;

    @Test
    void sonyCameraGivesMakeModelAndRecordingTimeWithItsZone() throws Exception {
        Path file = avchd("sony.mts",
                pack(0x18, 0x32, 0x20, 0x21, 0x05), pack(0x19, 0x25, 0x16, 0x21, 0x51),
                pack(0xe0, 0x01, 0x08, 0x30, 0x01),
                pack(0xe4, "HDR-"), pack(0xe5, "CX70"), pack(0xe6, "0E\0\0"));

        MediaMetadata m = extract(file);

        assertThat(m.status()).as("%s", m).isEqualTo("READY");
        assertThat(m.videoCodec()).isEqualTo("h264");
        assertThat(m.width()).isEqualTo(320);
        assertThat(m.cameraMake()).isEqualTo("Sony");
        assertThat(m.cameraModel()).isEqualTo("HDR-CX700E");
        assertThat(m.takenAt()).isEqualTo("2021-05-25T16:21:51-09:00");
        assertThat(m.takenAtSource()).isEqualTo("H264:DateTimeOriginal");
        assertThat(m.takenAtZoneSource()).isEqualTo("file");
    }

    @Test
    void panasonicCameraHasNoModelAndAHalfHourZone() throws Exception {
        Path file = avchd("panasonic.mts",
                pack(0x18, 0x0b, 0x20, 0x19, 0x12), pack(0x19, 0x31, 0x23, 0x59, 0x58),
                pack(0xe0, 0x01, 0x03, 0x03, 0x13), pack(0xe4, "XXXX"));

        MediaMetadata m = extract(file);

        assertThat(m.cameraMake()).isEqualTo("Panasonic");
        assertThat(m.cameraModel()).as("only Sony names the model there").isNull();
        assertThat(m.takenAt()).isEqualTo("2019-12-31T23:59:58+05:30");
    }

    @Test
    void packsOutOfOrderEndTheListAsInExiftool() throws Exception {
        Path file = avchd("disordered.mts",
                pack(0xe0, 0x01, 0x08, 0x30, 0x01), pack(0x18, 0x32, 0x20, 0x21, 0x05), pack(0x19, 0x25, 0x16, 0x21, 0x51));

        MediaMetadata m = extract(file);

        assertThat(m.status()).isEqualTo("READY");
        assertThat(m.cameraMake()).isEqualTo("Sony");
        assertThat(m.takenAt()).isNull();
    }

    /** ffmpeg's H.264 stream with an SEI unit of these MDPM packs before its first IDR picture, as .mts. */
    private static Path avchd(String name, byte[]... packs) throws Exception {
        Path raw = Encoder.ffmpeg(dir.resolve(name + ".h264"), List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-t", "1", "-c:v", "libx264", "-preset", "ultrafast", "-bsf:v", "h264_mp4toannexb", "-f", "h264"));
        byte[] stream = Files.readAllBytes(raw);
        int idr = firstIdr(stream);
        ByteArrayOutputStream withSei = new ByteArrayOutputStream();
        withSei.write(stream, 0, idr);
        withSei.write(seiUnit(packs));
        withSei.write(stream, idr, stream.length - idr);
        Path annexB = Files.write(dir.resolve(name + ".sei.h264"), withSei.toByteArray());
        return Encoder.ffmpeg(dir.resolve(name), List.of("-r", "25", "-i", annexB.toString(), "-c", "copy",
                "-f", "mpegts", "-mpegts_m2ts_mode", "1"));
    }

    /** The start code of the first IDR slice (NAL type 5), with the zero byte of a 4-byte start code. */
    private static int firstIdr(byte[] s) {
        for (int i = 1; i + 3 < s.length; i++) {
            if (s[i] == 0 && s[i + 1] == 0 && s[i + 2] == 1 && (s[i + 3] & 0x1f) == 5) {
                return s[i - 1] == 0 ? i - 1 : i;
            }
        }
        throw new AssertionError("no IDR picture");
    }

    /** Start code, NAL header 0x06, user data unregistered (5) with the MDPM UUID, trailing bits; escaped. */
    private static byte[] seiUnit(byte[]... packs) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(MDPM);
        payload.writeBytes("MDPM".getBytes(StandardCharsets.US_ASCII));
        payload.write(packs.length);
        for (byte[] p : packs) {
            payload.writeBytes(p);
        }
        ByteArrayOutputStream sei = new ByteArrayOutputStream();
        sei.write(5);
        sei.write(payload.size());
        sei.writeBytes(payload.toByteArray());
        sei.write(0x80);
        ByteArrayOutputStream unit = new ByteArrayOutputStream();
        unit.writeBytes(new byte[] {0, 0, 0, 1, 6});
        int zeros = 0;
        for (byte b : sei.toByteArray()) {
            if (zeros >= 2 && (b & 0xff) <= 3) {
                unit.write(3);
                zeros = 0;
            }
            unit.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return unit.toByteArray();
    }

    private static byte[] pack(int tag, int... bytes) {
        return new byte[] {(byte) tag, (byte) bytes[0], (byte) bytes[1], (byte) bytes[2], (byte) bytes[3]};
    }

    private static byte[] pack(int tag, String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        return pack(tag, t[0], t[1], t[2], t[3]);
    }
}
