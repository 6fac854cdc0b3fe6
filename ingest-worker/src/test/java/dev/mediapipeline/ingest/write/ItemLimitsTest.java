package dev.mediapipeline.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.common.event.S3EventKind;
import dev.mediapipeline.common.event.S3EventRecord;
import dev.mediapipeline.common.key.MediaKey;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.tags.Tags;
import dev.mediapipeline.extract.testing.SampleCorpus;
import dev.mediapipeline.ingest.handle.EventHandler;
import dev.mediapipeline.ingest.handle.IngestMetrics;
import dev.mediapipeline.ingest.handle.IngestObserver;
import dev.mediapipeline.ingest.handle.RecordResult;
import dev.mediapipeline.ingest.queue.PrivateStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whatever a file carries, its item stays under DynamoDB's 400 KB: long text is cut, tags are capped, and
 * the item names what was cut in Truncated.
 */
class ItemLimitsTest {

    private static final long DYNAMODB_ITEM_LIMIT = 400 * 1024;

    private static PrivateStack stack;
    private static MediaItemStore store;

    @BeforeAll
    static void start() {
        stack = PrivateStack.provision("limits");
        store = new MediaItemStore(stack.clients().dynamoDb(), stack.config());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aJpegWithAMegabyteOfMetadataAndThousandsOfKeywordsBecomesASmallItemThatSaysWhatWasCut() {
        byte[] hostile = HostileJpeg.from(SampleCorpus.bytes("Nikon D40.jpg"));
        assertThat(hostile.length).isGreaterThan(2 << 20);
        String key = "users/hoarder/everything.jpg";
        String eTag = stack.clients().s3().putObject(r -> r.bucket(stack.bucket()).key(key)
                .metadata(Map.of("tags", "Mine, ours")), RequestBody.fromBytes(hostile)).eTag().replace("\"", "");
        EventHandler handler = new EventHandler(stack.clients().s3(), store, ExtractionLimits.defaults(),
                new IngestMetrics(new SimpleMeterRegistry(), IngestObserver.NONE), Clock.systemUTC());

        RecordResult result = handler.handle(new S3EventRecord(S3EventKind.CREATED, "ObjectCreated:Put",
                Instant.now(), stack.bucket(), key, Optional.of((long) hostile.length), Optional.of(eTag),
                Optional.empty(), "0A"));

        assertThat(result.kind()).isEqualTo(RecordResult.Kind.APPLIED);
        Map<String, AttributeValue> item = stack.item("hoarder", "everything.jpg").orElseThrow();
        assertThat(item.get("Status").s()).isEqualTo("READY");
        assertThat(item.get("Type").s()).isEqualTo("image");
        assertThat(item.get("Width").n()).isNotBlank();
        assertThat(item.get("Tags").ss()).hasSize(Tags.MAX_TAGS).contains("mine", "ours")
                .anyMatch(t -> t.startsWith("k") || t.startsWith("iptc"));
        assertThat(item.get("CameraMake").s()).hasSizeLessThan(HostileJpeg.EXIF_MAKE_CHARS).startsWith("MakeMake");
        assertThat(item.get("Truncated").ss()).contains("Tags", "CameraMake");
        assertThat(itemBytes(item)).isLessThan(DYNAMODB_ITEM_LIMIT / 10);
    }

    @Test
    void longTextFromTheUploaderOrAnErrorIsCutAndNamed() {
        Map<String, Object> values = new HashMap<>();
        values.put("Status", "FAILED");
        values.put("DeclaredContentType", "image/" + "x".repeat(500_000));
        values.put("Error", "!" + "\uD83D\uDE00".repeat(200_000));

        assertThat(store.put(new MediaKey("verbose", "a.jpg"), "0A", values)).isEqualTo(WriteResult.WRITTEN);

        Map<String, AttributeValue> item = stack.item("verbose", "a.jpg").orElseThrow();
        assertThat(item.get("Truncated").ss()).containsExactlyInAnyOrder("DeclaredContentType", "Error");
        assertThat(item.get("DeclaredContentType").s()).hasSize(ItemLimits.MAX_TEXT_CHARS);
        // never half a surrogate pair
        assertThat(item.get("Error").s()).hasSizeLessThanOrEqualTo(ItemLimits.MAX_TEXT_CHARS)
                .matches(s -> s.codePoints().skip(1).allMatch(c -> c == 0x1F600));
        assertThat(itemBytes(item)).isLessThan(DYNAMODB_ITEM_LIMIT / 10);
    }

    /** DynamoDB's item size: attribute names plus values, strings and sets as UTF-8. */
    private static long itemBytes(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            AttributeValue v = e.getValue();
            bytes += utf8(e.getKey());
            if (v.s() != null) {
                bytes += utf8(v.s());
            } else if (v.n() != null) {
                bytes += v.n().length();
            } else if (v.hasSs()) {
                bytes += v.ss().stream().mapToLong(ItemLimitsTest::utf8).sum();
            }
        }
        return bytes;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
