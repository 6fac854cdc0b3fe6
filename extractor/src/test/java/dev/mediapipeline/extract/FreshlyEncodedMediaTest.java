package dev.mediapipeline.extract;

import static dev.mediapipeline.extract.testing.Encoder.encodeTestPattern;
import static dev.mediapipeline.extract.testing.Encoder.remux;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.FileByteSource;
import dev.mediapipeline.extract.sniff.MediaType;
import dev.mediapipeline.extract.testing.Encoder;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files encoded by ffmpeg at test time, one per container and layout the worker meets: what ffmpeg was
 * told to write (2 s of 320x240 at 25 fps) is what must come out.
 */
class FreshlyEncodedMediaTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsFfmpeg() {
        assumeTrue(Encoder.ffmpegAvailable(), "no /usr/bin/ffmpeg");
    }

    @Test
    void mp4WithRotationMetadataReportsPortraitDimensions() throws Exception {
        Path encoded = encodeTestPattern(dir.resolve("unrotated.mp4"), "-c:v", "libx264", "-preset", "ultrafast",
                "-c:a", "aac");
        Path file = remux(encoded, dir.resolve("rotated.mp4"), "-metadata:s:v:0", "rotate=90");

        MediaMetadata m = extract(file);

        assertVideo(m, "video/mp4", 240, 320, "h264", "aac");
    }

    @Test
    void mp4WithMoovAtTheEndAndFastStartReadTheSame() throws Exception {
        Path atEnd = encodeTestPattern(dir.resolve("moov-at-end.mp4"), "-c:v", "libx264", "-preset", "ultrafast",
                "-c:a", "aac");
        Path atStart = encodeTestPattern(dir.resolve("faststart.mp4"), "-c:v", "libx264", "-preset", "ultrafast",
                "-c:a", "aac", "-movflags", "+faststart");

        MediaMetadata end = extract(atEnd);
        MediaMetadata start = extract(atStart);

        assertVideo(end, "video/mp4", 320, 240, "h264", "aac");
        assertThat(start.toAttributes()).usingRecursiveComparison().ignoringFields("BytesRead")
                .isEqualTo(end.toAttributes());
    }

    @Test
    void fragmentedMp4CountsEveryFragment() throws Exception {
        Path file = encodeTestPattern(dir.resolve("fragmented.mp4"), "-c:v", "libx264", "-preset", "ultrafast",
                "-g", "10", "-c:a", "aac", "-movflags", "+frag_keyframe+empty_moov+default_base_moof");

        assertVideo(extract(file), "video/mp4", 320, 240, "h264", "aac");
    }

    @Test
    void hevcMovWithLocationAndCreationTime() throws Exception {
        Path encoded = encodeTestPattern(dir.resolve("hevc-unrotated.mov"), "-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "log-level=error", "-tag:v", "hvc1", "-c:a", "aac");
        Path file = remux(encoded, dir.resolve("hevc.mov"), "-metadata", "location=+37.7750-122.4183/",
                "-metadata", "creation_time=2021-05-25T16:21:51Z", "-metadata:s:v:0", "rotate=270");

        MediaMetadata m = extract(file);

        assertVideo(m, "video/quicktime", 240, 320, "hevc", "aac");
        assertThat(m.gpsLatitude()).isCloseTo(37.775, within(1e-6));
        assertThat(m.gpsLongitude()).isCloseTo(-122.4183, within(1e-6));
        // The header's UTC instant, shown in San Francisco's zone.
        assertThat(m.takenAt()).isEqualTo("2021-05-25T09:21:51-07:00");
        assertThat(m.takenAtSource()).isEqualTo("QuickTime:CreateDate");
        assertThat(m.takenAtZoneSource()).isEqualTo("gps");
    }

    @Test
    void matroskaWithH264AndAac() throws Exception {
        Path file = encodeTestPattern(dir.resolve("video.mkv"), "-c:v", "libx264", "-preset", "ultrafast",
                "-c:a", "aac");

        assertVideo(extract(file), "video/x-matroska", 320, 240, "h264", "aac");
    }

    @Test
    void webmWithVp9AndOpus() throws Exception {
        Path file = encodeTestPattern(dir.resolve("video.webm"), "-c:v", "libvpx-vp9", "-deadline", "realtime",
                "-cpu-used", "8", "-c:a", "libopus");

        assertVideo(extract(file), "video/webm", 320, 240, "vp9", "opus");
    }

    @Test
    void aviWithMpeg4AndMp3() throws Exception {
        Path file = encodeTestPattern(dir.resolve("video.avi"), "-c:v", "mpeg4", "-c:a", "libmp3lame");

        assertVideo(extract(file), "video/x-msvideo", 320, 240, "mpeg4", "mp3");
    }

    @Test
    void transportStreamWithH264AndMp2() throws Exception {
        Path file = encodeTestPattern(dir.resolve("video.ts"), "-c:v", "libx264", "-preset", "ultrafast",
                "-c:a", "mp2");

        assertVideo(extract(file), "video/mp2t", 320, 240, "h264", "mp2");
    }

    @Test
    void flashVideoWithH264AndAac() throws Exception {
        Path file = encodeTestPattern(dir.resolve("video.flv"), "-c:v", "libx264", "-preset", "ultrafast",
                "-c:a", "aac");

        assertVideo(extract(file), "video/x-flv", 320, 240, "h264", "aac");
    }

    @Test
    void audioOnlyContainersAreOther() throws Exception {
        Path m4a = encodeTestPattern(dir.resolve("audio.m4a"), "-vn", "-c:a", "aac");
        Path mka = encodeTestPattern(dir.resolve("audio.mka"), "-vn", "-c:a", "libopus");

        MediaMetadata mp4Audio = extract(m4a);
        MediaMetadata matroskaAudio = extract(mka);

        assertThat(mp4Audio.type()).isEqualTo(MediaType.OTHER);
        assertThat(mp4Audio.contentType()).isEqualTo("audio/mp4");
        assertThat(mp4Audio.audioCodec()).isEqualTo("aac");
        assertThat(mp4Audio.durationMillis()).isCloseTo(2000L, within(50L));
        assertThat(matroskaAudio.type()).isEqualTo(MediaType.OTHER);
        assertThat(matroskaAudio.contentType()).isEqualTo("audio/x-matroska");
        assertThat(matroskaAudio.audioCodec()).isEqualTo("opus");
        assertThat(matroskaAudio.width()).isNull();
    }

    private static void assertVideo(MediaMetadata m, String contentType, int width, int height, String videoCodec,
                                    String audioCodec) {
        assertThat(m.status()).as("%s", m).isEqualTo("READY");
        assertThat(m.type()).isEqualTo(MediaType.VIDEO);
        assertThat(m.contentType()).isEqualTo(contentType);
        assertThat(m.width()).as("displayed width").isEqualTo(width);
        assertThat(m.height()).as("displayed height").isEqualTo(height);
        assertThat(m.videoCodec()).isEqualTo(videoCodec);
        assertThat(m.audioCodec()).isEqualTo(audioCodec);
        assertThat(m.durationMillis()).as("duration").isCloseTo(2000L, within(50L));
        assertThat(m.frameRate()).as("frame rate").isCloseTo(25.0, within(0.25));
    }

    static MediaMetadata extract(Path file) throws IOException {
        try (FileByteSource source = new FileByteSource(file)) {
            return MediaExtraction.extract(source, ExtractionLimits.defaults());
        }
    }
}
