package dev.mediapipeline.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keys that are prefixes of other keys, {@code users/alice} beside {@code users/alice/x.jpg}: S3 holds both,
 * in either order, and so does the embedded S3, through every operation, across a restart, with the stock
 * CLI too; and objects a data dir held before keys were stored this way are still there.
 */
class PrefixKeysTest {

    private static final String BUCKET = "prefixes";

    @TempDir
    Path dataDir;

    @Test
    void bothKeysOfAPrefixPairAreStoredListedCopiedAndDeletedInEitherOrderAndKeptAcrossARestart() {
        try (LocalAws aws = start(); TestClients clients = new TestClients(aws.endpoint())) {
            clients.s3.createBucket(b -> b.bucket(BUCKET));
            put(clients, "users/alice", "the short one");
            put(clients, "users/alice/x.jpg", "the long one");
            put(clients, "users/bob/y.jpg", "first the long one");
            put(clients, "users/bob", "then the short one");
            put(clients, "users/bob/", "a key ending in a slash");
            put(clients, "users/.hidden/%2E.", "dots and percent signs");

            assertThat(get(clients, "users/alice")).isEqualTo("the short one");
            assertThat(get(clients, "users/alice/x.jpg")).isEqualTo("the long one");
            assertThat(get(clients, "users/bob")).isEqualTo("then the short one");
            assertThat(clients.s3.headObject(b -> b.bucket(BUCKET).key("users/bob/y.jpg")).contentLength())
                    .isEqualTo("first the long one".length());
            assertThat(keys(clients, null)).containsExactly("users/.hidden/%2E.", "users/alice", "users/alice/x.jpg",
                    "users/bob", "users/bob/", "users/bob/y.jpg");

            var grouped = clients.s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("users/").delimiter("/"));
            assertThat(grouped.contents()).extracting(S3Object::key).containsExactly("users/alice", "users/bob");
            assertThat(grouped.commonPrefixes()).extracting(CommonPrefix::prefix)
                    .containsExactly("users/.hidden/", "users/alice/", "users/bob/");
            assertThat(clients.s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("users/").delimiter("/").maxKeys(1))
                    .stream().mapToInt(page -> page.keyCount()).sum()).as("one entry a page, none twice").isEqualTo(5);
            assertThat(clients.s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("users/a").maxKeys(1)).contents()
                    .stream().map(S3Object::key).toList()).containsExactly("users/alice", "users/alice/x.jpg");

            clients.s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("users/alice")
                    .destinationBucket(BUCKET).destinationKey("users/alice/x.jpg/copy"));
            multipart(clients, "users/alice/x.jpg/parts");
            clients.s3.deleteObject(b -> b.bucket(BUCKET).key("users/alice/x.jpg"));
            assertThat(keys(clients, "users/alice")).containsExactly("users/alice", "users/alice/x.jpg/copy",
                    "users/alice/x.jpg/parts");
        }

        try (LocalAws aws = start(); TestClients clients = new TestClients(aws.endpoint())) {
            assertThat(get(clients, "users/alice/x.jpg/copy")).isEqualTo("the short one");
            assertThat(get(clients, "users/bob/")).isEqualTo("a key ending in a slash");
            assertThat(clients.s3.headObject(b -> b.bucket(BUCKET).key("users/alice/x.jpg/parts")).contentLength())
                    .isEqualTo(5L * 1024 * 1024 + 1);
        }
    }

    @Test
    void theStockCliUploadsListsAndDownloadsBothKeysOfAPair() throws Exception {
        AwsCli.assumeInstalled();
        Path file = Files.writeString(dataDir.resolve("upload.txt"), "through the CLI");
        try (LocalAws aws = start()) {
            AwsCli.run(aws.endpoint(), "s3", "mb", "s3://cli");
            AwsCli.run(aws.endpoint(), "s3", "cp", file.toString(), "s3://cli/users/carol/trip/a.jpg");
            AwsCli.run(aws.endpoint(), "s3", "cp", file.toString(), "s3://cli/users/carol/trip");

            assertThat(AwsCli.run(aws.endpoint(), "s3", "ls", "s3://cli/users/carol/").lines()
                    .map(String::strip).map(line -> line.replaceAll("^\\S+ \\S+ +\\d+ ", "")))
                    .containsExactly("PRE trip/", "trip");
            assertThat(AwsCli.run(aws.endpoint(), "s3", "cp", "s3://cli/users/carol/trip", "-"))
                    .isEqualTo("through the CLI");
            assertThat(AwsCli.run(aws.endpoint(), "s3api", "list-objects-v2", "--bucket", "cli",
                    "--query", "Contents[].Key", "--output", "text").strip())
                    .isEqualTo("users/carol/trip\tusers/carol/trip/a.jpg");
        }
    }

    /** Written by S3Proxy's file-system store itself, as data dirs of earlier versions hold them. */
    @Test
    void objectsStoredUnderTheirKeysBeforeAreReadAfterTheUpgrade() throws Exception {
        Path objects = Files.createDirectories(dataDir.resolve("s3"));
        var earlier = new FilesystemNio2BlobStore(objects.toString());
        earlier.createContainer("kept");
        earlierPut(earlier, "users/dave/trip/a.jpg", "an object", Map.of("tags", "beach"));
        earlierPut(earlier, "users/dave/50%.txt", "a percent sign", Map.of());
        earlierPut(earlier, "users/dave/", "a key ending in a slash", Map.of());

        try (LocalAws aws = start(); TestClients clients = new TestClients(aws.endpoint())) {
            var object = clients.s3.getObjectAsBytes(b -> b.bucket("kept").key("users/dave/trip/a.jpg"));
            assertThat(object.asUtf8String()).isEqualTo("an object");
            assertThat(object.response().metadata()).containsEntry("tags", "beach");
            assertThat(clients.s3.getObjectAsBytes(b -> b.bucket("kept").key("users/dave/50%.txt")).asUtf8String())
                    .isEqualTo("a percent sign");
            assertThat(clients.s3.listObjectsV2(b -> b.bucket("kept")).contents()).extracting(S3Object::key)
                    .containsExactly("users/dave/", "users/dave/50%.txt", "users/dave/trip/a.jpg");

            put(clients, "kept", "users/dave/trip", "now beside its prefix");
            assertThat(clients.s3.getObjectAsBytes(b -> b.bucket("kept").key("users/dave/trip")).asUtf8String())
                    .isEqualTo("now beside its prefix");
        }
    }

    private LocalAws start() {
        return LocalAws.start(LocalAwsOptions.defaults().withDataDir(dataDir).withPort(0));
    }

    private static void put(TestClients clients, String key, String body) {
        put(clients, BUCKET, key, body);
    }

    private static void put(TestClients clients, String bucket, String key, String body) {
        clients.s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
    }

    private static String get(TestClients clients, String key) {
        return clients.s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
    }

    private static List<String> keys(TestClients clients, String prefix) {
        return clients.s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    private static void multipart(TestClients clients, String key) {
        String uploadId = clients.s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        String first = clients.s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(new byte[5 * 1024 * 1024])).eTag();
        String second = clients.s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(new byte[1])).eTag();
        clients.s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(first).build(),
                        CompletedPart.builder().partNumber(2).eTag(second).build())));
    }

    private static void earlierPut(FilesystemNio2BlobStore store, String key, String body, Map<String, String> metadata) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        store.putBlob(PutObjectRequest.builder().bucket("kept").key(key).contentLength((long) bytes.length)
                .metadata(metadata).build(), new ByteArrayInputStream(bytes));
    }
}
