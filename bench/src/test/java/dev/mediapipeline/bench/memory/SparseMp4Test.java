package dev.mediapipeline.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.bench.BenchInputs;
import dev.mediapipeline.extract.MediaExtraction;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.FileByteSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseMp4Test {

    @TempDir
    Path dir;

    /** Past 4 GiB the mdat needs a 64-bit size: the file must still read as the original video. */
    @Test
    void aFiveGigabyteRelayoutReadsAsTheOriginalFromItsHeaders() throws Exception {
        Path source = BenchInputs.files(List.of()).stream()
                .filter(f -> f.toString().endsWith(".mp4") && SparseMp4.suitable(f))
                .filter(f -> extract(f).videoCodec() != null).findFirst().orElseThrow();
        Path huge = dir.resolve("huge.mp4");

        long length = SparseMp4.write(source, huge, 5L << 30);

        assertThat(length).isGreaterThanOrEqualTo(5L << 30);
        MediaMetadata original = extract(source);
        MediaMetadata relaid = extract(huge);
        assertThat(relaid.status()).isEqualTo(MediaMetadata.STATUS_READY);
        assertThat(relaid.durationMillis()).isEqualTo(original.durationMillis());
        assertThat(relaid.width()).isEqualTo(original.width());
        assertThat(relaid.videoCodec()).isEqualTo(original.videoCodec());
        assertThat(relaid.bytesRead()).isLessThan(Files.size(source) + (1 << 20));
    }

    private static MediaMetadata extract(Path file) {
        try (FileByteSource source = new FileByteSource(file)) {
            return MediaExtraction.extract(source, ExtractionLimits.defaults());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
