package dev.mediapipeline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.extract.testing.SampleCorpus;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * A versioned bucket, for real: the embedded S3 keeps versions and delete markers and sends their events
 * (with version ids) to the queue the provisioned notification names; the worker consumes them. The item
 * follows the object's current version, whatever happens to the others.
 */
class VersionedBucketTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static PrivateStack stack;
    private static IngestWorker worker;
    private static String bucket;

    @BeforeAll
    static void start() {
        stack = PrivateStack.provision("versions");
        bucket = stack.config().bucket();
        stack.clients().s3().putBucketVersioning(r -> r.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        worker = stack.startWorker();
    }

    @AfterAll
    static void stop() {
        worker.close();
        stack.close();
    }

    @Test
    void deletingANonCurrentVersionLeavesTheItemOfTheCurrentOneUntouched() {
        String older = upload("noncurrent", jpeg(0));
        String current = upload("noncurrent", jpeg(1));
        Map<String, AttributeValue> item = awaitVersion("noncurrent", current);

        stack.clients().s3().deleteObject(r -> r.bucket(bucket).key(key("noncurrent")).versionId(older));
        await().atMost(WAIT).until(stack::queueDrained);

        assertThat(stack.item("noncurrent", "photo.jpg")).contains(item);
        assertThat(stack.deadLetters()).isEmpty();
    }

    @Test
    void deletingTheCurrentVersionForGoodMakesTheItemDescribeTheVersionThatIsCurrentNow() {
        byte[] first = jpeg(0);
        String older = upload("rollback", first);
        String current = upload("rollback", jpeg(2));
        awaitVersion("rollback", current);

        stack.clients().s3().deleteObject(r -> r.bucket(bucket).key(key("rollback")).versionId(current));

        Map<String, AttributeValue> item = awaitVersion("rollback", older);
        assertThat(item.get("FileSize").n()).isEqualTo(Integer.toString(first.length));
    }

    @Test
    void aDeleteMarkerRemovesTheItemAndDeletingTheLastVersionLeavesNoneBehind() {
        String only = upload("marker", jpeg(0));
        awaitVersion("marker", only);

        stack.clients().s3().deleteObject(r -> r.bucket(bucket).key(key("marker")));
        await().atMost(WAIT).until(() -> stack.item("marker", "photo.jpg").isEmpty());

        String again = upload("marker", jpeg(3));
        awaitVersion("marker", again);
        stack.clients().s3().deleteObject(r -> r.bucket(bucket).key(key("marker")).versionId(again));
        await().atMost(WAIT).until(() -> stack.item("marker", "photo.jpg").isEmpty());
        await().atMost(WAIT).until(stack::queueDrained);
        assertThat(stack.item("marker", "photo.jpg")).isEmpty();
    }

    @Test
    void aLifecycleExpirationRemovesTheItemLikeADelete() {
        String key = key("expiry");
        String create = stack.putAndDescribe(key, jpeg(0), "0000000000000E10");
        stack.send(create);
        stack.awaitItem("expiry", "photo.jpg", WAIT);

        // The embedded S3 has no lifecycle rules: the expiration S3 would send, through the real queue.
        stack.send(S3Events.expired(stack.bucket(), key, "0000000000000E11"));

        await().atMost(WAIT).until(() -> stack.item("expiry", "photo.jpg").isEmpty());
        assertThat(stack.deadLetters()).isEmpty();
    }

    private static String upload(String user, byte[] bytes) {
        return stack.clients().s3().putObject(r -> r.bucket(bucket).key(key(user)), RequestBody.fromBytes(bytes))
                .versionId();
    }

    private static Map<String, AttributeValue> awaitVersion(String user, String versionId) {
        return await().atMost(WAIT).until(() -> stack.item(user, "photo.jpg"),
                item -> item.map(i -> i.get("VersionId")).map(AttributeValue::s).equals(Optional.of(versionId)))
                .orElseThrow();
    }

    private static String key(String user) {
        return "users/" + user + "/photo.jpg";
    }

    /** The sample JPEG, shortened by a few bytes: each version has its own size and ETag. */
    private static byte[] jpeg(int shorter) {
        byte[] jpeg = SampleCorpus.bytes("Nikon D40.jpg");
        return Arrays.copyOf(jpeg, jpeg.length - shorter);
    }
}
