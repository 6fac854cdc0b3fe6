package dev.mediapipeline.extract.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.testing.SampleCorpus;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OfflineExtractorTest {

    private static final Path FILES = SampleCorpus.files();

    @Test
    void oneJsonLinePerInputInInputOrderWithProgress() throws Exception {
        List<String> inputs = Stream.of(
                        "google_ExoPlayer__testdata__src__test__assets__media__mp4__sample_av1.mp4",
                        "ianare_exif-samples__jpg__gps__DSCN0021.jpg",
                        "does-not-exist.jpg",
                        "mathiasbynens_small__png-truncated.png",
                        "google_ExoPlayer__testdata__src__test__assets__media__vp9__bear-vp9-odd-dimensions.webm")
                .map(f -> FILES.resolve(f).toString()).toList();
        StringWriter out = new StringWriter();
        List<int[]> progress = new ArrayList<>();

        OfflineExtractor.Summary summary = new OfflineExtractor(ExtractionLimits.defaults(), 3, () -> {
            throw new AssertionError("no S3 client needed for local files");
        }).run(inputs, out, (done, total) -> progress.add(new int[] {done, total}));

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(json.readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("File").asText()).containsExactlyElementsOf(inputs);
        assertThat(lines.get(0).fieldNames().next()).isEqualTo("File");
        assertThat(lines.get(0).get("VideoCodec").asText()).isEqualTo("av1");
        assertThat(lines.get(0).get("Duration").decimalValue()).isEqualByComparingTo("1.089");
        assertThat(lines.get(1).get("GpsLatitude").asDouble()).isBetween(43.46, 43.47);
        assertThat(lines.get(2).get("Status").asText()).isEqualTo("FAILED");
        assertThat(lines.get(2).get("Error").asText()).startsWith("cannot read");
        assertThat(lines.get(3).get("ErrorClass").asText()).isEqualTo("corrupt");
        assertThat(lines.get(4).get("ContentType").asText()).isEqualTo("video/webm");
        assertThat(summary).isEqualTo(new OfflineExtractor.Summary(5, 2));
        assertThat(progress).extracting(p -> p[0]).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void directoriesAreWalkedInNameOrder() throws Exception {
        StringWriter out = new StringWriter();

        OfflineExtractor.Summary summary = new OfflineExtractor(ExtractionLimits.defaults(), 2, () -> null)
                .run(List.of(FILES.toString()), out, OfflineExtractor.Progress.NONE);

        String[] lines = out.toString().split("\n");
        assertThat(summary.total()).isEqualTo(lines.length).isEqualTo(SampleCorpus.references().size());
        assertThat(lines[0]).contains("3g2__sample_3GPP2.3g2");
    }
}
