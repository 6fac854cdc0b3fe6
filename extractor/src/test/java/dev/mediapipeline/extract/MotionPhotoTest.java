package dev.mediapipeline.extract;

import static dev.mediapipeline.extract.FreshlyEncodedMediaTest.extract;
import static dev.mediapipeline.extract.testing.Encoder.encodeTestPattern;
import static dev.mediapipeline.extract.testing.Encoder.exiftool;
import static dev.mediapipeline.extract.testing.Encoder.remux;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mediapipeline.extract.testing.Encoder;
import dev.mediapipeline.extract.testing.SampleCorpus;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Motion photos and Live Photos: a Pixel's from the corpus, and Google and Samsung layouts built at test time. */
class MotionPhotoTest {

    @TempDir
    static Path dir;
    static Path still;
    static byte[] video;

    @BeforeAll
    static void encode() throws Exception {
        assumeTrue(Encoder.ffmpegAvailable() && Encoder.exiftoolAvailable(), "no ffmpeg or exiftool");
        still = Encoder.ffmpeg(dir.resolve("still.jpg"), List.of("-f", "lavfi", "-i", "testsrc=size=64x48",
                "-frames:v", "1"));
        video = Files.readAllBytes(encodeTestPattern(dir.resolve("clip.mp4"), "-c:v", "mpeg4", "-an"));
    }

    @Test
    void pixelMotionPhotoWithContainerDirectory() throws Exception {
        Path pixel = SampleCorpus.files().resolve(
                "google_ExoPlayer__testdata__src__test__assets__media__jpeg__pixel-motion-photo-jfif-segment-shortened.jpg");

        EmbeddedVideo v = extract(pixel).motionPhoto();

        // GContainer: the MotionPhoto item is 4686 bytes, the last thing in the file.
        assertThat(v.length()).isEqualTo(4686);
        assertThat(v.offset()).isEqualTo(Files.size(pixel) - 4686);
    }

    @Test
    void olderMicroVideoTags() throws Exception {
        Path file = Files.copy(still, dir.resolve("microvideo.jpg"));
        exiftool(file, "-XMP-GCamera:MicroVideo=1", "-XMP-GCamera:MicroVideoVersion=1",
                "-XMP-GCamera:MicroVideoOffset=" + video.length);
        long photoLength = Files.size(file);
        Files.write(file, video, java.nio.file.StandardOpenOption.APPEND);

        MediaMetadata m = extract(file);

        assertThat(m.motionPhoto().offset()).isEqualTo(photoLength);
        assertThat(m.motionPhoto().length()).isEqualTo(video.length);
        assertThat(m.motionPhoto().durationMillis()).isCloseTo(2000L, within(50L));
        assertThat(m.toAttributes()).containsEntry("MotionPhoto", true).containsKey("MotionPhotoVideoDuration");
        assertThat(m.bytesRead()).as("the video's header only").isLessThan(Files.size(file));
    }

    @Test
    void samsungTrailer() throws Exception {
        byte[] photo = Files.readAllBytes(still);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(photo);
        byte[] name = "MotionPhoto_Data".getBytes(StandardCharsets.US_ASCII);
        long blockStart = file.size();
        file.write(le(12).putShort((short) 0).putShort((short) 0x0a30).putInt(name.length).array(), 0, 8);
        file.write(name);
        file.write(video);
        long directoryStart = file.size();
        ByteBuffer directory = le(12 + 12).put("SEFH".getBytes(StandardCharsets.US_ASCII)).putInt(106).putInt(1)
                .putShort((short) 0).putShort((short) 0x0a30).putInt((int) (directoryStart - blockStart))
                .putInt((int) (directoryStart - blockStart));
        file.write(directory.array());
        file.write(le(4).putInt(directory.capacity()).array());
        file.write("SEFT".getBytes(StandardCharsets.US_ASCII));
        Path path = Files.write(dir.resolve("samsung.jpg"), file.toByteArray());

        EmbeddedVideo v = extract(path).motionPhoto();

        assertThat(v.offset()).isEqualTo(blockStart + 8 + name.length);
        assertThat(v.length()).isEqualTo(video.length);
        assertThat(v.durationMillis()).isCloseTo(2000L, within(50L));
    }

    @Test
    void aStillWithAnAppendedFileButNoClaimIsNoMotionPhoto() throws Exception {
        Path file = Files.copy(still, dir.resolve("plain.jpg"));
        Files.write(file, video, java.nio.file.StandardOpenOption.APPEND);

        assertThat(extract(file).motionPhoto()).isNull();
        assertThat(extract(file).toAttributes()).doesNotContainKey("MotionPhoto");
    }

    @Test
    void livePhotoMovieCarriesAppleContentIdentifier() throws Exception {
        Path file = remux(dir.resolve("clip.mp4"), dir.resolve("live.mov"), "-movflags", "use_metadata_tags",
                "-metadata", "com.apple.quicktime.content.identifier=5C1D7A3E-0F7B-4C52-9D0E-2B3A4C5D6E7F");

        assertThat(extract(file).livePhotoId()).isEqualTo("5C1D7A3E-0F7B-4C52-9D0E-2B3A4C5D6E7F");
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
