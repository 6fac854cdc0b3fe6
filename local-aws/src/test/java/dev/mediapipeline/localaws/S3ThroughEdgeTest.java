package dev.mediapipeline.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class S3ThroughEdgeTest {

    private static final String BUCKET = "edge-s3";
    private static TestClients clients;

    @BeforeAll
    static void start() {
        clients = new TestClients(SharedLocalAws.endpoint());
        clients.s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    @Test
    void putGetRangedGetListAndDelete() {
        clients.s3.putObject(b -> b.bucket(BUCKET).key("docs/a b+c é.txt").contentType("text/plain")
                .metadata(Map.of("tags", "x,y")), RequestBody.fromString("0123456789"));
        clients.s3.putObject(b -> b.bucket(BUCKET).key("docs/second.txt"), RequestBody.fromString("2"));

        var whole = clients.s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("docs/a b+c é.txt"));
        assertThat(whole.asUtf8String()).isEqualTo("0123456789");
        assertThat(whole.response().metadata()).containsEntry("tags", "x,y");
        assertThat(whole.response().contentType()).isEqualTo("text/plain");
        var range = clients.s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("docs/a b+c é.txt").range("bytes=2-5"));
        assertThat(range.asUtf8String()).isEqualTo("2345");
        assertThat(range.response().contentRange()).isEqualTo("bytes 2-5/10");

        assertThat(clients.s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("docs/")).contents())
                .extracting(S3Object::key, S3Object::size)
                .containsExactly(tuple("docs/a b+c é.txt", 10L),
                        tuple("docs/second.txt", 1L));

        clients.s3.deleteObject(b -> b.bucket(BUCKET).key("docs/a b+c é.txt"));
        assertThatThrownBy(() -> clients.s3.headObject(b -> b.bucket(BUCKET).key("docs/a b+c é.txt")))
                .isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> clients.s3.getObject(b -> b.bucket(BUCKET).key("docs/a b+c é.txt")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void multipartUploadOfNineMegabytesThroughTheSdk() throws Exception {
        byte[] part1 = randomBytes(5 * 1024 * 1024, 1);
        byte[] part2 = randomBytes(4 * 1024 * 1024, 2);
        String uploadId = clients.s3.createMultipartUpload(b -> b.bucket(BUCKET).key("big/sdk.bin")).uploadId();
        String etag1 = clients.s3.uploadPart(b -> b.bucket(BUCKET).key("big/sdk.bin").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part1)).eTag();
        String etag2 = clients.s3.uploadPart(b -> b.bucket(BUCKET).key("big/sdk.bin").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(part2)).eTag();
        String eTag = clients.s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("big/sdk.bin").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(etag2).build()))).eTag();

        assertThat(eTag).endsWith("-2\"");
        byte[] stored = clients.s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("big/sdk.bin")).asByteArray();
        assertThat(stored).hasSize(part1.length + part2.length);
        assertThat(sha256(stored)).isEqualTo(sha256(concat(part1, part2)));
        assertThat(clients.s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("big/")).contents())
                .as("no multipart leftovers are listed").extracting(S3Object::key).containsExactly("big/sdk.bin");
    }

    @Test
    void presignedUrlsWorkThroughTheEdge() throws Exception {
        URI endpoint = SharedLocalAws.endpoint();
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            var put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(r -> r.bucket(BUCKET).key("presigned/x.txt")));
            HttpURLConnection upload = (HttpURLConnection) put.url().openConnection();
            upload.setRequestMethod("PUT");
            upload.setDoOutput(true);
            upload.getOutputStream().write("via presigned PUT".getBytes(StandardCharsets.UTF_8));
            assertThat(upload.getResponseCode()).isEqualTo(200);

            var get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(r -> r.bucket(BUCKET).key("presigned/x.txt")));
            HttpURLConnection download = (HttpURLConnection) get.url().openConnection();
            assertThat(new String(download.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("via presigned PUT");
        }
    }

    @Test
    void awsCliCopiesANineMegabyteFileInAndOut(@TempDir Path dir) throws Exception {
        AwsCli.assumeInstalled();
        URI endpoint = SharedLocalAws.endpoint();
        Path file = dir.resolve("nine.bin");
        Files.write(file, randomBytes(9 * 1024 * 1024, 3));

        AwsCli.run(endpoint, "s3", "cp", file.toString(), "s3://" + BUCKET + "/users/u/a b.bin");
        assertThat(AwsCli.run(endpoint, "s3", "ls", "s3://" + BUCKET + "/users/u/")).contains("9437184 a b.bin");
        var head = clients.s3.headObject(b -> b.bucket(BUCKET).key("users/u/a b.bin"));
        assertThat(head.contentLength()).isEqualTo(9L * 1024 * 1024);
        assertThat(head.eTag()).as("the CLI uploads 9 MB in 8 MB parts").endsWith("-2\"");

        Path back = dir.resolve("back.bin");
        AwsCli.run(endpoint, "s3", "cp", "s3://" + BUCKET + "/users/u/a b.bin", back.toString());
        assertThat(sha256(Files.readAllBytes(back))).isEqualTo(sha256(Files.readAllBytes(file)));

        AwsCli.run(endpoint, "s3", "rm", "s3://" + BUCKET + "/users/u/a b.bin");
        assertThat(clients.s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("users/u/")).contents()).isEmpty();
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
