package dev.mediapipeline.extract.riff;

import static dev.mediapipeline.extract.testing.HandMade.ascii;
import static dev.mediapipeline.extract.testing.HandMade.concat;
import static dev.mediapipeline.extract.testing.HandMade.le16;
import static dev.mediapipeline.extract.testing.HandMade.le32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediapipeline.extract.CorruptMediaException;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.testing.HandMade;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AVI's hdrl list (OpenDML / Microsoft AVI RIFF reference): avih, then strh + strf per stream. */
class AviExtractorTest {

    @TempDir
    Path dir;

    @Test
    void sizeComesFromAvihAndCodecsRateAndDurationFromTheStreamHeaders() throws Exception {
        byte[] avih = chunk("avih", le32(40_000), le32(0), le32(0), le32(0x10), le32(250), le32(0), le32(2),
                le32(0), le32(320), le32(240), new byte[16]);
        byte[] video = list("strl",
                chunk("strh", ascii("vids"), ascii("H264"), le32(0), le32(0), le32(0), le32(1), le32(25), le32(0),
                        le32(250), new byte[20]),
                chunk("strf", le32(40), le32(320), le32(240), le16(1), le16(24), ascii("H264"), new byte[20]));
        byte[] audio = list("strl",
                chunk("strh", ascii("auds"), le32(0), le32(0), le32(0), le32(0), le32(1), le32(44_100), le32(0),
                        le32(441_000), new byte[20]),
                chunk("strf", le16(0x0055), le16(2), le32(44_100), le32(16_000), le16(1), le16(0), new byte[1]));
        byte[] file = riff(list("hdrl", avih, video, audio), list("movi"));

        MediaMetadata.Builder out = MediaMetadata.builder();
        new AviExtractor().extract(HandMade.reader(dir, file), out);
        MediaMetadata m = out.build();

        assertThat(m.width()).isEqualTo(320);
        assertThat(m.height()).isEqualTo(240);
        assertThat(m.videoCodec()).isEqualTo("h264");
        assertThat(m.frameRate()).isEqualTo(25.0);
        assertThat(m.durationMillis()).isEqualTo(10_000L);
        assertThat(m.audioCodec()).isEqualTo("mp3");
    }

    @Test
    void aFileThatDoesNotStartWithTheHeaderListIsCorrupt() throws Exception {
        byte[] file = riff(list("movi"), list("hdrl"));

        assertThatThrownBy(() -> new AviExtractor().extract(HandMade.reader(dir, file), MediaMetadata.builder()))
                .isInstanceOf(CorruptMediaException.class);
    }

    /** A RIFF chunk: id, little-endian size, data, and a pad byte when the size is odd. */
    private static byte[] chunk(String id, byte[]... data) {
        byte[] body = concat(data);
        return concat(ascii(id), le32(body.length), body, new byte[body.length & 1]);
    }

    private static byte[] list(String type, byte[]... chunks) {
        return chunk("LIST", ascii(type), concat(chunks));
    }

    private static byte[] riff(byte[]... lists) {
        return chunk("RIFF", ascii("AVI "), concat(lists));
    }
}
