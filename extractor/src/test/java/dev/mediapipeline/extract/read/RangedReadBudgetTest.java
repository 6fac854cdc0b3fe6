package dev.mediapipeline.extract.read;

import static dev.mediapipeline.extract.testing.Encoder.encodeTestPattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mediapipeline.extract.ErrorClass;
import dev.mediapipeline.extract.MediaExtraction;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.testing.Boxes;
import dev.mediapipeline.extract.testing.Encoder;
import dev.mediapipeline.extract.testing.SampleCorpus;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction fetches the metadata, not the media: BytesRead stays a small, bounded part of large files, and
 * the per-object byte and time budgets turn into FAILED too-large / timeout results.
 */
class RangedReadBudgetTest {


    @TempDir
    static Path dir;
    /** A 1 s, 640x360 lossless encode of a noisy pattern: over 8 MB, with the moov box after the mdat. */
    private static Path largeMp4;

    @Test
    void noByteOfAnyCorpusFileIsFetchedTwice() throws Exception {
        List<Path> corpus = SampleCorpus.list();
        assertThat(corpus).as("every file reference.jsonl lists").hasSize(SampleCorpus.references().size());
        for (Path file : corpus) {
            try (RecordedFile source = new RecordedFile(file)) {
                MediaExtraction.extract(source, ExtractionLimits.defaults());

                List<long[]> fetches = source.fetches.stream().sorted(Comparator.comparingLong(f -> f[0])).toList();
                for (int i = 1; i < fetches.size(); i++) {
                    assertThat(fetches.get(i)[0]).as("%s: fetch %d-%d overlaps %d-%d", file.getFileName(),
                            fetches.get(i)[0], fetches.get(i)[1], fetches.get(i - 1)[0], fetches.get(i - 1)[1])
                            .isGreaterThanOrEqualTo(fetches.get(i - 1)[1]);
                }
            }
        }
    }

    @Test
    void largeJpegCostsOnlyItsHeaders() throws Exception {
        assumeTrue(Encoder.exiftoolAvailable(), "no /usr/bin/exiftool");
        Path jpeg = ffmpeg(dir.resolve("large.jpg"), List.of("-f", "lavfi", "-i",
                "testsrc2=size=3000x2000,noise=alls=60", "-frames:v", "1", "-q:v", "2"));
        Encoder.exiftool(jpeg, "-DateTimeOriginal=2024:07:14 18:30:05", "-SubSecTimeOriginal=250",
                "-OffsetTimeOriginal=+02:00", "-Make=Fujifilm ", "-Model=X-T5", "-Orientation#=6",
                "-GPSLatitude=48.8584", "-GPSLatitudeRef=N", "-GPSLongitude=2.2945", "-GPSLongitudeRef=E",
                "-Keywords=Beach", "-Keywords= Sunset ", "-XMP-dc:Subject=beach", "-XMP-dc:Subject=Holiday 2024");
        assertThat(Files.size(jpeg)).isGreaterThan(4L << 20);

        MediaMetadata m = extract(jpeg, ExtractionLimits.defaults());

        assertThat(m.status()).isEqualTo("READY");
        assertThat(m.width()).as("orientation 6 turns 3000x2000 upright").isEqualTo(2000);
        assertThat(m.height()).isEqualTo(3000);
        assertThat(m.takenAt()).isEqualTo("2024-07-14T18:30:05.250+02:00");
        assertThat(m.cameraMake()).isEqualTo("Fujifilm");
        assertThat(m.gpsLatitude()).isCloseTo(48.8584, within(1e-6));
        assertThat(m.tags()).containsExactlyInAnyOrder("beach", "sunset", "holiday 2024");
        assertThat(m.bytesRead()).isLessThanOrEqualTo(256 * 1024);
    }

    @Test
    void largePngCostsItsHeaderChunksAndItsEnd() throws Exception {
        Path png = ffmpeg(dir.resolve("large.png"), List.of("-f", "lavfi", "-i",
                "testsrc2=size=1600x1200,noise=alls=60", "-frames:v", "1"));
        assertThat(Files.size(png)).isGreaterThan(2L << 20);

        MediaMetadata m = extract(png, ExtractionLimits.defaults());

        assertThat(m.status()).isEqualTo("READY");
        assertThat(m.width()).isEqualTo(1600);
        assertThat(m.bytesRead()).isLessThanOrEqualTo(256 * 1024);
    }

    @Test
    void largeAnimatedGifCostsItsHeader() throws Exception {
        Path gif = ffmpeg(dir.resolve("animated.gif"), List.of("-f", "lavfi", "-i",
                "testsrc2=size=480x360:rate=10,noise=alls=40:allf=t", "-t", "3"));
        assertThat(Files.size(gif)).isGreaterThan(2L << 20);

        MediaMetadata m = extract(gif, ExtractionLimits.defaults());

        assertThat(m.status()).isEqualTo("READY");
        assertThat(m.width()).isEqualTo(480);
        assertThat(m.bytesRead()).isLessThanOrEqualTo(128 * 1024);
    }

    /** A lossless WebP of noise, EXIF and XMP chunks after its 10 MB of image data. */
    @Test
    void largeWebpCostsItsChunkHeadersAndMetadata() throws Exception {
        assumeTrue(Encoder.exiftoolAvailable(), "no /usr/bin/exiftool");
        Path webp = ffmpeg(dir.resolve("large.webp"), List.of("-f", "lavfi", "-i",
                "testsrc2=size=2400x1600,noise=alls=100", "-frames:v", "1", "-lossless", "1", "-compression_level", "0"));
        Encoder.exiftool(webp, "-DateTimeOriginal=2024:07:14 18:30:05", "-Make=Fujifilm", "-Model=X-T5",
                "-Orientation#=6", "-XMP-dc:Subject=Beach");
        long size = Files.size(webp);
        assertThat(size).isGreaterThanOrEqualTo(8L << 20);

        MediaMetadata m = extract(webp, ExtractionLimits.defaults());

        assertThat(m.status()).isEqualTo("READY");
        assertThat(m.width()).as("orientation 6 turns 2400x1600 upright").isEqualTo(1600);
        assertThat(m.height()).isEqualTo(2400);
        assertThat(m.takenAt()).isEqualTo("2024-07-14T18:30:05");
        assertThat(m.cameraModel()).isEqualTo("X-T5");
        assertThat(m.tags()).containsExactly("beach");
        assertThat(m.bytesRead()).as("bytes read of %d", size).isLessThanOrEqualTo(size / 50);
    }

    /**
     * A 48 s 1080p broadcast-like transport stream, and the same packets as M2TS (192-byte packets): the tables,
     * the first frames and the last few are enough.
     */
    @Test
    void largeTransportStreamsCostTheirFirstAndLastFrames() throws Exception {
        Path ts = ffmpeg(dir.resolve("large.ts"), List.of("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "48", "-c:v", "libx264",
                "-preset", "ultrafast", "-b:v", "2M", "-maxrate", "2M", "-bufsize", "1M", "-c:a", "ac3"));
        Path m2ts = Encoder.remux(ts, dir.resolve("large.m2ts"), "-mpegts_m2ts_mode", "1");

        for (Path file : List.of(ts, m2ts)) {
            long size = Files.size(file);
            assertThat(size).isGreaterThanOrEqualTo(8L << 20);

            MediaMetadata m = extract(file, ExtractionLimits.defaults());

            assertThat(m.status()).isEqualTo("READY");
            assertThat(m.width()).isEqualTo(1920);
            assertThat(m.height()).isEqualTo(1080);
            assertThat(m.audioCodec()).isEqualTo("ac3");
            assertThat(m.durationMillis()).as(file.toString()).isCloseTo(48_000L, within(50L));
            assertThat(m.frameRate()).isEqualTo(25.0);
            assertThat(m.bytesRead()).as("bytes read of %d in %s", size, file).isLessThanOrEqualTo(size / 50);
        }
    }

    @Test
    void pngCutShortKeepsItsSizeButIsCorrupt() throws Exception {
        Path png = ffmpeg(dir.resolve("whole.png"), List.of("-f", "lavfi", "-i",
                "testsrc2=size=800x600", "-frames:v", "1"));
        byte[] bytes = Files.readAllBytes(png);
        Path cut = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        MediaMetadata m = extract(cut, ExtractionLimits.defaults());

        assertThat(m.status()).isEqualTo("FAILED");
        assertThat(m.errorClass()).isEqualTo(ErrorClass.CORRUPT);
        assertThat(m.width()).isEqualTo(800);
        assertThat(m.height()).isEqualTo(600);
    }

    @Test
    void mp4WithMoovAtTheEndReadsHeaderAndMoovOnly() throws Exception {
        Map<String, long[]> boxes = Boxes.topLevel(largeMp4());
        assertThat(boxes.keySet()).as("layout").endsWith("mdat", "moov");
        long size = Files.size(largeMp4());
        assertThat(size).isGreaterThanOrEqualTo(8L << 20);

        MediaMetadata m = extract(largeMp4(), ExtractionLimits.defaults());

        assertThat(m.status()).isEqualTo("READY");
        assertThat(m.width()).isEqualTo(640);
        assertThat(m.durationMillis()).isCloseTo(1000L, within(50L));
        assertThat(m.bytesRead()).as("bytes read of %d", size).isLessThanOrEqualTo(size / 50);
    }

    /** 2 GB of mdat that is never written (a sparse file), a real moov after it: nothing near 2 GB is read. */
    @Test
    void sparseTwoGigabyteMp4NeedsOnlyKilobytes() throws Exception {
        needsFfmpeg();
        Path small = encodeTestPattern(dir.resolve("small.mp4"), "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");
        Map<String, long[]> boxes = Boxes.topLevel(small);
        byte[] ftyp = Boxes.read(small, boxes.get("ftyp"));
        byte[] moov = Boxes.read(small, boxes.get("moov"));
        Path sparse = dir.resolve("sparse.mp4");
        long mdatSize = (2L << 30) + 16;
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.write(ftyp);
            // A 64-bit ("largesize") mdat header, as muxers write for payloads over 4 GB.
            f.writeInt(1);
            f.writeBytes("mdat");
            f.writeLong(mdatSize);
            f.seek(ftyp.length + mdatSize);
            f.write(moov);
        }
        assertThat(Files.size(sparse)).isGreaterThan(2L << 30);

        MediaMetadata m = extract(sparse, ExtractionLimits.defaults());

        assertThat(m.status()).isEqualTo("READY");
        assertThat(m.width()).isEqualTo(320);
        assertThat(m.videoCodec()).isEqualTo("h264");
        assertThat(m.durationMillis()).isCloseTo(2000L, within(50L));
        assertThat(m.bytesRead()).isLessThanOrEqualTo(128 * 1024);
    }

    /** ffmpeg ends fragmented files with an mfra index: the first and the last fragment are enough. */
    @Test
    void fragmentedMp4WithAnIndexReadsTheFirstAndLastFragmentOnly() throws Exception {
        Path file = ffmpeg(dir.resolve("long-fragmented.mp4"), List.of("-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25,noise=alls=20:allf=t", "-t", "20", "-c:v", "libx264", "-preset",
                "ultrafast", "-g", "25", "-movflags", "+frag_keyframe+empty_moov+default_base_moof"));
        assertThat(Boxes.topLevel(file)).containsKeys("moof", "mfra");

        MediaMetadata m = extract(file, ExtractionLimits.defaults());

        assertThat(m.durationMillis()).isCloseTo(20_000L, within(50L));
        assertThat(m.frameRate()).isCloseTo(25.0, within(0.25));
        assertThat(m.bytesRead()).as("of %d bytes", Files.size(file)).isLessThanOrEqualTo(Files.size(file) / 20);
    }

    @Test
    void byteBudgetTooSmallForTheMetadataIsTooLarge() throws Exception {
        // One block for sniffing fits; the moov box at the end does not.
        MediaMetadata m = extract(largeMp4(), new ExtractionLimits(BlockReader.BLOCK_SIZE, Duration.ofSeconds(30)));

        assertThat(m.status()).isEqualTo("FAILED");
        assertThat(m.errorClass()).isEqualTo(ErrorClass.TOO_LARGE);
        assertThat(m.contentType()).isEqualTo("video/mp4");
        assertThat(m.bytesRead()).isLessThanOrEqualTo(BlockReader.BLOCK_SIZE);
    }

    @Test
    void timeBudgetSpentIsTimeout() throws Exception {
        MediaMetadata m = extract(largeMp4(), new ExtractionLimits(64L << 20, Duration.ofNanos(1)));

        assertThat(m.status()).isEqualTo("FAILED");
        assertThat(m.errorClass()).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(m.toAttributes()).containsEntry("Type", "other").containsEntry("ErrorClass", "timeout");
    }

    @Test
    void cachedBlocksAreFetchedOnce() throws IOException {
        Path file = Files.write(dir.resolve("blocks.bin"), new byte[6_000_000]);
        try (FileByteSource source = new FileByteSource(file)) {
            BlockReader reader = new BlockReader(source, ExtractionLimits.defaults());
            reader.readFully(100, 1000);
            reader.readFully(2000, 5000);
            assertThat(reader.bytesRead()).isEqualTo(BlockReader.BLOCK_SIZE);

            reader.readExact(5_000_000, 16);
            assertThat(reader.bytesRead()).as("an uncached exact read fetches just its bytes")
                    .isEqualTo(BlockReader.BLOCK_SIZE + 16);
        }
    }

    /** Encoded on first use, so that only the tests that need ffmpeg are skipped without it. */
    private static Path largeMp4() throws IOException, InterruptedException {
        if (largeMp4 == null) {
            largeMp4 = ffmpeg(dir.resolve("large.mp4"), List.of("-f", "lavfi", "-i",
                    "testsrc2=size=640x360:rate=30,noise=alls=60:allf=t", "-t", "1", "-c:v", "libx264", "-preset",
                    "ultrafast", "-qp", "0"));
        }
        return largeMp4;
    }

    private static Path ffmpeg(Path out, List<String> args) throws IOException, InterruptedException {
        needsFfmpeg();
        return Encoder.ffmpeg(out, args);
    }

    private static void needsFfmpeg() {
        assumeTrue(Encoder.ffmpegAvailable(), "no /usr/bin/ffmpeg");
    }

    /** A file that writes down every range the block reader fetches from it. */
    private static final class RecordedFile implements ByteSource {

        private final FileByteSource file;
        private final List<long[]> fetches = new ArrayList<>();

        RecordedFile(Path path) throws IOException {
            this.file = new FileByteSource(path);
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public void readFully(long position, byte[] target, int offset, int length) throws IOException {
            fetches.add(new long[] {position, position + length});
            file.readFully(position, target, offset, length);
        }

        @Override
        public String name() {
            return file.name();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    private static MediaMetadata extract(Path file, ExtractionLimits limits) throws IOException {
        try (FileByteSource source = new FileByteSource(file)) {
            return MediaExtraction.extract(source, limits);
        }
    }
}
