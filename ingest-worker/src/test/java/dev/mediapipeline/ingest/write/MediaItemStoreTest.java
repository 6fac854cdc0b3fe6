package dev.mediapipeline.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.common.key.MediaKey;
import dev.mediapipeline.ingest.queue.PrivateStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conditional writes against the embedded DynamoDB, judged by what a reader of the table and of its stream
 * sees: the newest S3 sequencer wins, anything not newer writes nothing (no stream record, ProcessedAt
 * untouched), and a removal's tombstone keeps late creates of older versions out, even one that races it.
 */
class MediaItemStoreTest {

    private static PrivateStack stack;
    private static MediaItemStore store;

    @BeforeAll
    static void start() {
        stack = PrivateStack.provision("store");
        store = new MediaItemStore(stack.clients().dynamoDb(), stack.config());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void sequencersCompareAsS3DocumentsLeftPaddedHex() {
        MediaKey key = new MediaKey("order", "a.jpg");

        assertThat(store.put(key, "FF", values("first"))).isEqualTo(WriteResult.WRITTEN);
        assertThat(store.put(key, "100", values("longer, so newer"))).isEqualTo(WriteResult.WRITTEN);
        assertThat(store.put(key, "ff", values("older"))).isEqualTo(WriteResult.STALE);
        assertThat(store.put(key, "0100", values("equal once padded"))).isEqualTo(WriteResult.STALE);

        assertThat(stack.item("order", "a.jpg").orElseThrow().get("ProcessedAt").s()).isEqualTo("longer, so newer");
        assertThat(events(key)).containsExactly("INSERT", "MODIFY");
    }

    @Test
    void aDuplicateWritesNothingLeavesNoStreamRecordAndKeepsProcessedAt() {
        MediaKey key = new MediaKey("dup", "a.jpg");
        assertThat(store.put(key, "0A", values("first processing"))).isEqualTo(WriteResult.WRITTEN);

        for (int i = 0; i < 3; i++) {
            assertThat(store.put(key, "0A", values("duplicate " + i))).isEqualTo(WriteResult.STALE);
        }

        assertThat(stack.item("dup", "a.jpg").orElseThrow().get("ProcessedAt").s()).isEqualTo("first processing");
        assertThat(events(key)).containsExactly("INSERT");
    }

    @Test
    void aRemovalLeavesATombstoneThatKeepsOlderAndEqualCreatesOutButNotANewUpload() {
        MediaKey key = new MediaKey("tomb", "a.jpg");
        store.put(key, "10", values("uploaded"));

        assertThat(store.remove(key, "11", Instant.now())).isEqualTo(WriteResult.WRITTEN);
        assertThat(store.put(key, "10", values("replayed create"))).isEqualTo(WriteResult.STALE);
        assertThat(store.put(key, "11", values("same sequencer as the delete"))).isEqualTo(WriteResult.STALE);
        assertThat(store.remove(key, "11", Instant.now())).isEqualTo(WriteResult.STALE);
        assertThat(stack.item("tomb", "a.jpg")).isEmpty();

        assertThat(store.put(key, "12", values("uploaded again"))).isEqualTo(WriteResult.WRITTEN);
        assertThat(events(key)).containsExactly("INSERT", "REMOVE", "INSERT");
    }

    @Test
    void aDeleteThatOvertakesItsCreateStillWins() {
        MediaKey key = new MediaKey("overtaken", "a.jpg");

        assertThat(store.remove(key, "21", Instant.now())).isEqualTo(WriteResult.WRITTEN);
        assertThat(store.put(key, "20", values("late create"))).isEqualTo(WriteResult.STALE);

        assertThat(stack.item("overtaken", "a.jpg")).isEmpty();
        assertThat(events(key)).isEmpty();
    }

    @Test
    void aRemovalLandingBetweenACreatesTombstoneCheckAndItsWriteStillWins_raceStagedByAnInterceptor() {
        MediaKey key = new MediaKey("race", "a.jpg");
        MediaItemStore racing = new MediaItemStore(RemovalBeforeThePut.client(stack, store, key, "31"), stack.config());

        assertThat(racing.put(key, "30", values("create racing its delete"))).isEqualTo(WriteResult.STALE);

        assertThat(stack.item("race", "a.jpg")).isEmpty();
        // The price of not using a transaction: in this race the item shows up on the stream and goes again.
        assertThat(events(key)).containsExactly("INSERT", "REMOVE");
    }

    @Test
    void aVersionRemovalOrReplacementTouchesOnlyTheItemOfThatVersion() {
        MediaKey key = new MediaKey("versions", "a.jpg");
        store.put(key, "40", Map.of("ProcessedAt", "v2", "VersionId", "v2"));

        assertThat(store.heldVersion(key)).contains("v2");
        assertThat(store.removeVersion(key, "v1", "41", Instant.now())).isEqualTo(WriteResult.WRITTEN);
        assertThat(store.replace(key, "v1", "42", Map.of("ProcessedAt", "v0", "VersionId", "v0")))
                .isEqualTo(WriteResult.STALE);
        assertThat(stack.item("versions", "a.jpg").orElseThrow().get("ProcessedAt").s()).isEqualTo("v2");

        assertThat(store.replace(key, "v2", "43", Map.of("ProcessedAt", "v0", "VersionId", "v0")))
                .isEqualTo(WriteResult.WRITTEN);
        assertThat(store.heldVersion(key)).contains("v0");
        assertThat(events(key)).containsExactly("INSERT", "MODIFY");
    }

    @Test
    void anItemWithoutAVersionDescribesTheNullVersion() {
        MediaKey key = new MediaKey("unversioned", "a.jpg");
        store.put(key, "50", values("written before versioning"));

        assertThat(store.heldVersion(key)).contains(MediaItemStore.NULL_VERSION);
        assertThat(store.removeVersion(key, MediaItemStore.NULL_VERSION, "51", Instant.now()))
                .isEqualTo(WriteResult.WRITTEN);
        assertThat(stack.item("unversioned", "a.jpg")).isEmpty();
    }

    private static Map<String, Object> values(String processedAt) {
        return Map.of("ProcessedAt", processedAt, "Status", "READY", "Type", "image");
    }

    private static List<String> events(MediaKey key) {
        return UserMediaStream.eventsFor(stack.clients().dynamoDb(), stack.clients().dynamoDbStreams(),
                stack.config().mediaTable(), key.userId(), key.mediaId());
    }
}
