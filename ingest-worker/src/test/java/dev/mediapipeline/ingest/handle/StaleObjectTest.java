package dev.mediapipeline.ingest.handle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.event.S3EventKind;
import dev.mediapipeline.common.event.S3EventRecord;
import dev.mediapipeline.common.item.Sequencers;
import dev.mediapipeline.extract.MediaExtraction;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.ObjectChangedException;
import dev.mediapipeline.extract.read.ObjectGoneException;
import dev.mediapipeline.extract.read.S3RangeSource;
import dev.mediapipeline.extract.testing.SampleCorpus;
import dev.mediapipeline.ingest.queue.IngestOptions;
import dev.mediapipeline.ingest.queue.IngestWorker;
import dev.mediapipeline.ingest.queue.PrivateStack;
import dev.mediapipeline.ingest.write.MediaItemStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An event whose object is gone or has been replaced by the time it is handled describes bytes nobody
 * can read any more: it is skipped, not written as a FAILED item, and the newer event tells the story.
 */
class StaleObjectTest {

    private static PrivateStack stack;
    private static EventHandler handler;

    @BeforeAll
    static void start() {
        stack = PrivateStack.provision("stale");
        handler = new EventHandler(stack.clients().s3(), new MediaItemStore(stack.clients().dynamoDb(), stack.config()),
                ExtractionLimits.defaults(), new IngestMetrics(new SimpleMeterRegistry(), IngestObserver.NONE),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void anEventForAVersionOverwrittenBeforeItWasHandledIsSkippedAndTheNewerOneWins() {
        byte[] jpeg = SampleCorpus.bytes("Nikon D40.jpg");
        S3EventRecord old = put("users/over/photo.jpg", jpeg, "10");
        S3EventRecord newer = put("users/over/photo.jpg", Arrays.copyOf(jpeg, jpeg.length - 1), "11");

        assertThat(handler.handle(old).kind()).isEqualTo(RecordResult.Kind.OBJECT_CHANGED);
        assertThat(stack.item("over", "photo.jpg")).isEmpty();
        assertThat(handler.handle(newer).kind()).isEqualTo(RecordResult.Kind.APPLIED);
        assertThat(handler.handle(old).kind()).isEqualTo(RecordResult.Kind.OBJECT_CHANGED);
        assertThat(handler.handle(newer).kind()).isEqualTo(RecordResult.Kind.STALE);

        assertThat(stack.item("over", "photo.jpg").orElseThrow().get("ETag").s())
                .isEqualTo(newer.eTag().orElseThrow());
    }

    @Test
    void anEventForAnObjectDeletedBeforeItWasHandledIsSkippedNotFailed() {
        S3EventRecord created = put("users/gone/photo.jpg", SampleCorpus.bytes("Nikon D40.jpg"), "20");
        stack.clients().s3().deleteObject(r -> r.bucket(stack.bucket()).key("users/gone/photo.jpg"));

        assertThat(handler.handle(created).kind()).isEqualTo(RecordResult.Kind.OBJECT_CHANGED);
        assertThat(stack.item("gone", "photo.jpg")).isEmpty();
    }

    @Test
    void anItemWrittenByADeliveryThatDiedAfterItsObjectWasDeletedIsTakenBackByTheNextDelivery() {
        S3EventRecord created = put("users/died/photo.jpg", SampleCorpus.bytes("Nikon D40.jpg"), "50");
        // What the dead delivery left: its write landed after the object's removal had been applied.
        stack.clients().dynamoDb().putItem(r -> r.tableName(stack.config().mediaTable()).item(Map.of(
                "UserId", AttributeValue.fromS("died"), "MediaId", AttributeValue.fromS("photo.jpg"),
                "Sequencer", AttributeValue.fromS("50"), "SequencerOrder", AttributeValue.fromS(Sequencers.order("50")))));
        stack.clients().s3().deleteObject(r -> r.bucket(stack.bucket()).key("users/died/photo.jpg"));

        assertThat(handler.handle(created).kind()).isEqualTo(RecordResult.Kind.OBJECT_CHANGED);
        assertThat(stack.item("died", "photo.jpg")).isEmpty();
    }

    @Test
    void extractionOfAVersionReplacedOrDeletedWhileBeingReadStopsInsteadOfFailingTheItem() {
        byte[] jpeg = SampleCorpus.bytes("Nikon D40.jpg");
        S3EventRecord first = put("users/midway/photo.jpg", jpeg, "30");
        put("users/midway/photo.jpg", Arrays.copyOf(jpeg, jpeg.length - 2), "31");

        // Ranged GETs carry If-Match with the event's ETag: S3 answers 412 for the replaced version.
        assertThatThrownBy(() -> MediaExtraction.extract(source(first), ExtractionLimits.defaults()))
                .isInstanceOf(ObjectChangedException.class);

        stack.clients().s3().deleteObject(r -> r.bucket(stack.bucket()).key("users/midway/photo.jpg"));
        assertThatThrownBy(() -> MediaExtraction.extract(source(first), ExtractionLimits.defaults()))
                .isInstanceOfAny(ObjectGoneException.class, ObjectChangedException.class);
    }

    @Test
    void throughTheQueueTheOldEventOfAnOverwrittenObjectIsDoneWithNeitherAnItemNorADeadLetter() {
        IngestOptions d = IngestOptions.defaults();
        IngestWorker worker = new IngestWorker(stack.clients(), new SimpleMeterRegistry(), new IngestOptions(2, 2,
                d.visibilityTimeout(), Duration.ofSeconds(1), d.shutdownGrace(), d.retryBackoff(), d.limits()),
                IngestObserver.NONE);
        worker.start();
        try {
            byte[] jpeg = SampleCorpus.bytes("Nikon D40.jpg");
            String old = stack.putAndDescribe("users/queued/photo.jpg", jpeg, "40");
            String newer = stack.putAndDescribe("users/queued/photo.jpg", Arrays.copyOf(jpeg, jpeg.length - 3), "41");

            stack.send(old);
            await().atMost(Duration.ofSeconds(60)).until(stack::queueDrained);
            assertThat(stack.item("queued", "photo.jpg")).isEmpty();
            stack.send(newer);

            assertThat(stack.awaitItem("queued", "photo.jpg", Duration.ofSeconds(60)).get("FileSize").n())
                    .isEqualTo(Integer.toString(jpeg.length - 3));
            assertThat(stack.deadLetters()).isEmpty();
        } finally {
            worker.close();
        }
    }

    private static S3RangeSource source(S3EventRecord record) {
        return new S3RangeSource(stack.clients().s3(), record.bucket(), record.key(), record.eTag().orElseThrow(),
                record.size().orElseThrow());
    }

    private static S3EventRecord put(String key, byte[] bytes, String sequencer) {
        String eTag = stack.clients().s3().putObject(r -> r.bucket(stack.bucket()).key(key),
                RequestBody.fromBytes(bytes)).eTag().replace("\"", "");
        return new S3EventRecord(S3EventKind.CREATED, "ObjectCreated:Put", Instant.now(), stack.bucket(), key,
                Optional.of((long) bytes.length), Optional.of(eTag), Optional.empty(), sequencer);
    }
}
