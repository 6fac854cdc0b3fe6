package dev.mediapipeline.extract;

import static dev.mediapipeline.extract.FreshlyEncodedMediaTest.extract;
import static dev.mediapipeline.extract.testing.Encoder.encodeTestPattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mediapipeline.extract.sniff.MediaType;
import dev.mediapipeline.extract.testing.Encoder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * MPEG-1/2 video bare, in program streams and in transport streams, and H.263 in transport streams, encoded by
 * ffmpeg at test time. The expected values are what ffmpeg was told to write, which is also what ffprobe
 * reports for these files (ffprobe calls H.263 in a transport stream a data stream and gives it no size).
 */
@EnabledIf(value = "dev.mediapipeline.extract.testing.Encoder#ffmpegAvailable", disabledReason = "no /usr/bin/ffmpeg")
class MpegVideoTest {

    @TempDir
    static Path dir;

    @Test
    void mpeg2ElementaryStreamHasSizeFrameRateAndCodecButNoDuration() throws Exception {
        Path file = encodeTestPattern(dir.resolve("video.m2v"), "-c:v", "mpeg2video");

        MediaMetadata m = extract(file);

        assertVideo(m, "video/mpeg", 320, 240, "mpeg2video", 25.0);
        // A bare video stream has no timestamps; ffprobe and exiftool give no duration either.
        assertThat(m.durationMillis()).isNull();
        assertThat(m.audioCodec()).isNull();
    }

    @Test
    void mpeg1ElementaryStreamIsMpeg1() throws Exception {
        Path file = Encoder.ffmpeg(dir.resolve("video.m1v"), List.of("-f", "lavfi", "-i",
                "testsrc=size=352x288:rate=30000/1001", "-t", "1", "-c:v", "mpeg1video"));

        assertVideo(extract(file), "video/mpeg", 352, 288, "mpeg1video", 29.97);
    }

    @Test
    void mpeg2ProgramStreamWithMp2() throws Exception {
        Path file = encodeTestPattern(dir.resolve("video.mpg"), "-c:v", "mpeg2video", "-c:a", "mp2", "-f", "mpeg");

        MediaMetadata m = extract(file);

        assertVideo(m, "video/mpeg", 320, 240, "mpeg2video", 25.0);
        assertThat(m.audioCodec()).isEqualTo("mp2");
        // ffprobe: 2.011 s, to the end of the last audio frame.
        assertThat(m.durationMillis()).isCloseTo(2011L, within(15L));
    }

    @Test
    void mpeg1SystemStream() throws Exception {
        Path file = encodeTestPattern(dir.resolve("system.mpg"), "-c:v", "mpeg1video", "-c:a", "mp2", "-f", "mpeg");

        MediaMetadata m = extract(file);

        assertVideo(m, "video/mpeg", 320, 240, "mpeg1video", 25.0);
        assertThat(m.durationMillis()).isCloseTo(2011L, within(15L));
    }

    @Test
    void dvdVideoObjectWithAc3() throws Exception {
        Path file = Encoder.ffmpeg(dir.resolve("dvd.vob"), List.of("-f", "lavfi", "-i", "testsrc=size=720x576:rate=25",
                "-f", "lavfi", "-i", "sine=sample_rate=48000", "-t", "2", "-c:v", "mpeg2video", "-c:a", "ac3", "-f", "vob"));

        MediaMetadata m = extract(file);

        assertVideo(m, "video/mpeg", 720, 576, "mpeg2video", 25.0);
        assertThat(m.audioCodec()).isEqualTo("ac3");
        assertThat(m.durationMillis()).isCloseTo(2005L, within(15L));
    }

    @Test
    void audioOnlyProgramStreamIsOther() throws Exception {
        Path file = encodeTestPattern(dir.resolve("audio.mpg"), "-vn", "-c:a", "mp2", "-f", "mpeg");

        MediaMetadata m = extract(file);

        assertThat(m.status()).isEqualTo("READY");
        assertThat(m.type()).isEqualTo(MediaType.OTHER);
        assertThat(m.audioCodec()).isEqualTo("mp2");
        assertThat(m.width()).isNull();
    }

    @Test
    void mpeg1VideoInTransportStreamIsNotCalledMpeg2() throws Exception {
        // ffmpeg writes stream type 0x02 (MPEG-2 video) for MPEG-1 video too.
        Path file = encodeTestPattern(dir.resolve("mpeg1.ts"), "-c:v", "mpeg1video", "-c:a", "mp2");

        assertVideo(extract(file), "video/mp2t", 320, 240, "mpeg1video", 25.0);
    }

    @Test
    void h263InTransportStreamHasItsStandardPictureSize() throws Exception {
        Path file = Encoder.ffmpeg(dir.resolve("h263.ts"), List.of("-f", "lavfi", "-i", "testsrc=size=352x288:rate=25",
                "-t", "2", "-c:v", "h263"));

        MediaMetadata m = extract(file);

        assertVideo(m, "video/mp2t", 352, 288, "h263", 25.0);
        assertThat(m.durationMillis()).isCloseTo(2000L, within(50L));
    }

    @Test
    void h263PlusInTransportStreamHasItsCustomPictureSize() throws Exception {
        Path file = encodeTestPattern(dir.resolve("h263p.ts"), "-c:v", "h263p", "-c:a", "mp2");

        MediaMetadata m = extract(file);

        assertVideo(m, "video/mp2t", 320, 240, "h263", 25.0);
        assertThat(m.audioCodec()).isEqualTo("mp2");
    }

    private static void assertVideo(MediaMetadata m, String contentType, int width, int height, String codec,
                                    double frameRate) {
        assertThat(m.status()).as("%s", m).isEqualTo("READY");
        assertThat(m.type()).isEqualTo(MediaType.VIDEO);
        assertThat(m.contentType()).isEqualTo(contentType);
        assertThat(m.width()).isEqualTo(width);
        assertThat(m.height()).isEqualTo(height);
        assertThat(m.videoCodec()).isEqualTo(codec);
        assertThat(m.frameRate()).isCloseTo(frameRate, within(0.01));
    }
}
