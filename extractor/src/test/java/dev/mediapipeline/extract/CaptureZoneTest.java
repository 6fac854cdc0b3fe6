package dev.mediapipeline.extract;

import static dev.mediapipeline.extract.FreshlyEncodedMediaTest.extract;
import static dev.mediapipeline.extract.testing.Encoder.encodeTestPattern;
import static dev.mediapipeline.extract.testing.Encoder.exiftool;
import static dev.mediapipeline.extract.testing.Encoder.remux;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mediapipeline.extract.testing.Encoder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Capture times of files made by ffmpeg and exiftool at test time, with known zones and positions. */
class CaptureZoneTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsTools() {
        assumeTrue(Encoder.ffmpegAvailable() && Encoder.exiftoolAvailable(), "no ffmpeg or exiftool");
    }

    @Test
    void tokyoPhotoWithoutOffsetTakesTheZoneOfItsPosition() throws Exception {
        MediaMetadata m = extract(photo("tokyo.jpg", "2024:04:01 09:30:00", 35.6586, 139.7454));

        assertThat(m.takenAt()).isEqualTo("2024-04-01T09:30:00+09:00");
        assertThat(m.takenAtSource()).isEqualTo("DateTimeOriginal");
        assertThat(m.takenAtZoneSource()).isEqualTo("gps");
    }

    @Test
    void adelaideInJanuaryIsOnSummerTime() throws Exception {
        assertThat(extract(photo("adelaide.jpg", "2024:01:15 12:00:00", -34.9285, 138.6007)).takenAt())
                .isEqualTo("2024-01-15T12:00:00+10:30");
        assertThat(extract(photo("adelaide-july.jpg", "2024:07:15 12:00:00", -34.9285, 138.6007)).takenAt())
                .isEqualTo("2024-07-15T12:00:00+09:30");
    }

    @Test
    void eitherSideOfTheSpanishPortugueseBorder() throws Exception {
        assertThat(extract(photo("tui.jpg", "2024:08:01 10:00:00", 42.0466, -8.6447)).takenAt())
                .isEqualTo("2024-08-01T10:00:00+02:00");
        assertThat(extract(photo("valenca.jpg", "2024:08:01 10:00:00", 42.0270, -8.6430)).takenAt())
                .isEqualTo("2024-08-01T10:00:00+01:00");
    }

    @Test
    void atSeaOrWithoutPositionThereIsNoZone() throws Exception {
        MediaMetadata atSea = extract(photo("atlantic.jpg", "2024:04:01 09:30:00", 0.0, -30.0));
        MediaMetadata noGps = extract(photo("nogps.jpg", "2024:04:01 09:30:00", null, null));

        assertThat(atSea.takenAt()).isEqualTo("2024-04-01T09:30:00");
        assertThat(atSea.takenAtZoneSource()).isNull();
        assertThat(noGps.takenAt()).isEqualTo("2024-04-01T09:30:00");
        assertThat(noGps.takenAtZoneSource()).isNull();
    }

    @Test
    void theFilesOwnOffsetWinsOverThePosition() throws Exception {
        Path file = photo("offset.jpg", "2024:04:01 09:30:00", 35.6586, 139.7454);
        exiftool(file, "-OffsetTimeOriginal=+02:00");

        MediaMetadata m = extract(file);

        assertThat(m.takenAt()).isEqualTo("2024-04-01T09:30:00+02:00");
        assertThat(m.takenAtZoneSource()).isEqualTo("file");
    }

    @Test
    void iphoneMovieKeepsApplesLocalTimeWhenItAgreesWithTheHeader() throws Exception {
        MediaMetadata m = extract(movie("iphone.mov", "2021-05-25T16:21:51Z", "2021-05-25T09:21:51-0700"));

        assertThat(m.takenAt()).isEqualTo("2021-05-25T09:21:51-07:00");
        assertThat(m.takenAtSource()).isEqualTo("QuickTime:CreationDate");
        assertThat(m.takenAtZoneSource()).isEqualTo("file");
    }

    @Test
    void editedMovieKeepsTheHeaderInstantShownInThePositionsZone() throws Exception {
        // Re-exported an hour later: Apple's date is the original capture, the header the export.
        MediaMetadata m = extract(movie("edited.mov", "2021-05-25T17:21:51Z", "2021-05-25T09:21:51-0700"));

        assertThat(m.takenAt()).isEqualTo("2021-05-25T10:21:51-07:00");
        assertThat(m.takenAtSource()).isEqualTo("QuickTime:CreateDate");
        assertThat(m.takenAtZoneSource()).isEqualTo("gps");
    }

    @Test
    void matroskaDateUtc() throws Exception {
        Path file = encodeTestPattern(dir.resolve("dated.mkv"), "-c:v", "mpeg4", "-an",
                "-metadata", "creation_time=2022-03-04T05:06:07Z");

        MediaMetadata m = extract(file);

        assertThat(m.takenAt()).isEqualTo("2022-03-04T05:06:07Z");
        assertThat(m.takenAtSource()).isEqualTo("Matroska:DateTimeOriginal");
        assertThat(m.takenAtZoneSource()).isNull();
    }

    private static Path photo(String name, String taken, Double latitude, Double longitude) throws Exception {
        Path file = Encoder.ffmpeg(dir.resolve(name), List.of("-f", "lavfi", "-i", "testsrc=size=64x48",
                "-frames:v", "1"));
        exiftool(file, "-DateTimeOriginal=" + taken);
        if (latitude != null) {
            exiftool(file, "-GPSLatitude=" + Math.abs(latitude), "-GPSLatitudeRef=" + (latitude < 0 ? "S" : "N"),
                    "-GPSLongitude=" + Math.abs(longitude), "-GPSLongitudeRef=" + (longitude < 0 ? "W" : "E"));
        }
        return file;
    }

    /** A MOV as an iPhone writes it: the header's UTC time, Apple's local creationdate, a position (San Francisco). */
    private static Path movie(String name, String headerUtc, String appleLocal) throws Exception {
        Path encoded = encodeTestPattern(dir.resolve("plain-" + name), "-c:v", "mpeg4", "-an");
        return remux(encoded, dir.resolve(name), "-movflags", "use_metadata_tags",
                "-metadata", "creation_time=" + headerUtc,
                "-metadata", "com.apple.quicktime.creationdate=" + appleLocal,
                "-metadata", "com.apple.quicktime.location.ISO6709=+37.7450-122.4301/");
    }
}
