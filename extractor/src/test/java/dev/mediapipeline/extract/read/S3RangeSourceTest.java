package dev.mediapipeline.extract.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.extract.MediaExtraction;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.testing.SampleCorpus;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Ranged reads against the embedded S3 through the real SDK: same result as the file, fail-fast on change. */
class S3RangeSourceTest {

    private static final String BUCKET = "range-source-test";
    private static final Path JPEG = SampleCorpus.files().resolve("drewnoakes_metadata-extractor-images__jpg__Apple iPhone 6.jpg");
    private static final Path MOV = SampleCorpus.files().resolve(
            "google_ExoPlayer__testdata__src__test__assets__media__mp4__sample_with_color_info.mp4");

    private static AwsClients clients;
    private static S3Client s3;

    @BeforeAll
    static void bucket() {
        clients = new AwsClients(PipelineConfig.defaults().withEndpoint(SharedLocalAws.endpoint()));
        s3 = clients.s3();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    @Test
    void objectReadsLikeTheFile() throws IOException {
        for (Path file : new Path[] {JPEG, MOV}) {
            String key = "users/u1/" + file.getFileName();
            String eTag = s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(file)).eTag();

            MediaMetadata fromS3 = MediaExtraction.extract(new S3RangeSource(s3, BUCKET, key, unquoted(eTag)),
                    ExtractionLimits.defaults());

            assertThat(fromS3.toAttributes()).isEqualTo(fromFile(file));
            assertThat(fromS3.status()).isEqualTo("READY");
        }
    }

    @Test
    void overwrittenObjectFailsFastAsChanged() {
        String key = "users/u1/overwritten.jpg";
        String first = s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(JPEG)).eTag();
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(MOV));

        S3RangeSource stale = new S3RangeSource(s3, BUCKET, key, unquoted(first), 1234);

        assertThatThrownBy(() -> MediaExtraction.extract(stale, ExtractionLimits.defaults()))
                .isInstanceOf(ObjectChangedException.class);
    }

    @Test
    void deletedObjectIsGone() {
        String key = "users/u1/deleted.jpg";
        String eTag = s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(JPEG)).eTag();
        s3.deleteObject(b -> b.bucket(BUCKET).key(key));

        assertThatThrownBy(() -> MediaExtraction.extract(new S3RangeSource(s3, BUCKET, key, eTag),
                ExtractionLimits.defaults())).isInstanceOf(ObjectGoneException.class);
    }

    private static Map<String, Object> fromFile(Path file) throws IOException {
        try (FileByteSource source = new FileByteSource(file)) {
            return MediaExtraction.extract(source, ExtractionLimits.defaults()).toAttributes();
        }
    }

    private static String unquoted(String eTag) {
        return eTag.replace("\"", "");
    }
}
