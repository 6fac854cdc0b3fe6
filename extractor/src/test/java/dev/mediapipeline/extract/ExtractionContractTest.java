package dev.mediapipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediapipeline.extract.read.ByteSource;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.FileByteSource;
import dev.mediapipeline.extract.read.ObjectChangedException;
import dev.mediapipeline.extract.read.ObjectGoneException;
import dev.mediapipeline.extract.read.SourceReadException;
import dev.mediapipeline.extract.sniff.MediaType;
import dev.mediapipeline.extract.testing.SampleCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What callers rely on: bad content becomes a FAILED result that keeps what was read; only problems of the
 * source (changed, gone, unreadable) propagate, even when they happen inside a library that swallows errors.
 */
class ExtractionContractTest {

    private static final Path FILES = SampleCorpus.files();

    @Test
    void truncatedPngIsCorruptButKeepsItsSize() throws IOException {
        MediaMetadata m = extract(FILES.resolve("mathiasbynens_small__png-truncated.png"));

        assertThat(m.toAttributes()).containsEntry("Status", "FAILED").containsEntry("ErrorClass", "corrupt")
                .containsEntry("Type", "image").containsEntry("ContentType", "image/png")
                .containsEntry("Width", 1).containsEntry("Height", 1).containsKey("Error");
    }

    @Test
    void fileWithALyingExtensionIsSniffedFromItsBytes() throws IOException {
        MediaMetadata m = extract(FILES.resolve("drewnoakes_metadata-extractor-images__mp4__ftyp3gp5.mp4"));

        assertThat(m.contentType()).isEqualTo("video/3gpp");
        assertThat(m.type()).isEqualTo(MediaType.VIDEO);
    }

    @Test
    void textIsOtherAndReady(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not a photo, whatever the name says\n");

        assertThat(extract(text).toAttributes()).containsEntry("Type", "other").containsEntry("Status", "READY")
                .containsEntry("ContentType", "text/plain").doesNotContainKey("ErrorClass");
    }

    @Test
    void imageOfAKindNoExtractorReadsIsUnsupported(@TempDir Path dir) throws IOException {
        Path svg = Files.writeString(dir.resolve("logo.svg"), "<?xml version=\"1.0\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\"/></svg>\n");

        assertThat(extract(svg).toAttributes()).containsEntry("Type", "image").containsEntry("Status", "FAILED")
                .containsEntry("ErrorClass", "unsupported").containsEntry("ContentType", "image/svg+xml");
    }

    @Test
    void emptyObjectFailsAsEmpty(@TempDir Path dir) throws IOException {
        Path empty = Files.write(dir.resolve("empty.mp4"), new byte[0]);

        assertThat(extract(empty).toAttributes()).containsEntry("Type", "other").containsEntry("Status", "FAILED")
                .containsEntry("ErrorClass", "empty").containsEntry("Error", "the object is empty (0 bytes)")
                .containsEntry("BytesRead", 0L);
    }

    @Test
    void attributesAreInSchemaOrderWithItemTypes() throws IOException {
        Map<String, Object> a = extract(FILES.resolve("ianare_exif-samples__jpg__gps__DSCN0021.jpg")).toAttributes();

        assertThat(a.keySet()).containsExactly("Type", "ContentType", "Status", "Width", "Height", "Orientation",
                "TakenAt", "TakenAtSource", "TakenAtZoneSource", "CameraMake", "CameraModel", "GpsLatitude", "GpsLongitude", "BytesRead");
        assertThat(a.get("Width")).isInstanceOf(Integer.class);
        assertThat(a.get("GpsLatitude")).isInstanceOf(java.math.BigDecimal.class);
        assertThat(a.get("BytesRead")).isInstanceOf(Long.class);
        // No offset tag: the zone is Italy's in October (summer time), from the position.
        assertThat(a).containsEntry("TakenAt", "2008-10-22T16:38:20+02:00").containsEntry("TakenAtZoneSource", "gps")
                .containsEntry("CameraMake", "NIKON");
    }

    @Test
    void changedObjectPropagatesEvenThroughALibrary() {
        // Its FLIR segments run past the first block, so metadata-extractor itself makes the second fetch.
        Path jpeg = FILES.resolve("drewnoakes_metadata-extractor-images__jpg__FLIR Vue Pro 640.jpg");

        assertThatThrownBy(() -> MediaExtraction.extract(failingAfterFirstRead(jpeg,
                new ObjectChangedException("etag moved", null)), ExtractionLimits.defaults()))
                .isInstanceOf(ObjectChangedException.class);
        assertThatThrownBy(() -> MediaExtraction.extract(failingAfterFirstRead(jpeg,
                new ObjectGoneException("deleted", null)), ExtractionLimits.defaults()))
                .isInstanceOf(ObjectGoneException.class);
    }

    @Test
    void unreadableSourceIsNotMistakenForCorruptContent() {
        // The moov box sits after the first block.
        Path mp4 = FILES.resolve("drewnoakes_metadata-extractor-images__mov__sample_iTunes.mov");

        assertThatThrownBy(() -> MediaExtraction.extract(failingAfterFirstRead(mp4,
                new IOException("connection reset")), ExtractionLimits.defaults()))
                .isInstanceOf(SourceReadException.class).hasMessageContaining("connection reset");
    }

    /** The real file for the first fetch (sniffing), then the given failure. */
    private static ByteSource failingAfterFirstRead(Path file, Exception failure) throws IOException {
        FileByteSource real = new FileByteSource(file);
        return new ByteSource() {
            private int reads;

            @Override
            public long size() throws IOException {
                return real.size();
            }

            @Override
            public void readFully(long position, byte[] target, int offset, int length) throws IOException {
                if (reads++ > 0) {
                    if (failure instanceof IOException io) {
                        throw io;
                    }
                    throw (RuntimeException) failure;
                }
                real.readFully(position, target, offset, length);
            }

            @Override
            public String name() {
                return file.toString();
            }
        };
    }

    private static MediaMetadata extract(Path file) throws IOException {
        try (FileByteSource source = new FileByteSource(file)) {
            return MediaExtraction.extract(source, ExtractionLimits.defaults());
        }
    }
}
