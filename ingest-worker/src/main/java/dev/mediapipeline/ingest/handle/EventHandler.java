package dev.mediapipeline.ingest.handle;

import dev.mediapipeline.common.event.S3EventKind;
import dev.mediapipeline.common.event.S3EventRecord;
import dev.mediapipeline.common.key.KeyLayoutException;
import dev.mediapipeline.common.key.MediaKey;
import dev.mediapipeline.extract.MediaExtraction;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.ObjectChangedException;
import dev.mediapipeline.extract.read.ObjectGoneException;
import dev.mediapipeline.extract.read.S3RangeSource;
import dev.mediapipeline.ingest.write.MediaItemStore;
import dev.mediapipeline.ingest.write.WriteResult;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Turns one S3 record into the item's new state: extraction for a create, removal for a delete.
 * An event outdated by a newer upload or a delete is recognised by its first read (ETag mismatch, another
 * version, or 404); a duplicate, by the conditional write.
 */
public final class EventHandler {

    private final S3Client s3;
    private final MediaItemStore store;
    private final ExtractionLimits limits;
    private final IngestMetrics metrics;
    private final Clock clock;

    public EventHandler(S3Client s3, MediaItemStore store, ExtractionLimits limits, IngestMetrics metrics,
                        Clock clock) {
        this.s3 = s3;
        this.store = store;
        this.limits = limits;
        this.metrics = metrics;
        this.clock = clock;
    }

    public RecordResult handle(S3EventRecord record) {
        MediaKey key;
        try {
            key = MediaKey.parse(record.key());
        } catch (KeyLayoutException e) {
            return RecordResult.rejected(e.getMessage());
        }
        if (record.removesOneVersion()) {
            return removeVersion(key, record);
        }
        return record.kind() == S3EventKind.REMOVED ? remove(key, record) : create(key, record, Optional.empty());
    }

    private RecordResult remove(MediaKey key, S3EventRecord record) {
        return result(store.remove(key, record.sequencer(), clock.instant()));
    }

    /**
     * A version deleted for good matters only when the item describes it; then the item becomes the version
     * that is current now (S3 sends no event for it), or goes when there is none. Deleting a non-current
     * version, as lifecycle rules do all day, leaves the item alone and reads nothing from S3.
     */
    private RecordResult removeVersion(MediaKey key, S3EventRecord record) {
        String deleted = record.versionId().orElseThrow();
        if (!store.heldVersion(key).map(deleted::equals).orElse(false)) {
            return RecordResult.of(RecordResult.Kind.STALE);
        }
        Optional<HeadObjectResponse> current = ObjectHead.current(s3, record.bucket(), record.key());
        if (current.isEmpty()) {
            return result(store.removeVersion(key, deleted, record.sequencer(), clock.instant()));
        }
        HeadObjectResponse head = current.get();
        S3EventRecord nowCurrent = new S3EventRecord(S3EventKind.CREATED, record.eventName(), head.lastModified(),
                record.bucket(), record.key(), Optional.of(head.contentLength()), Optional.of(head.eTag()),
                Optional.ofNullable(head.versionId()), record.sequencer());
        return create(key, nowCurrent, Optional.of(deleted));
    }

    private RecordResult create(MediaKey key, S3EventRecord record, Optional<String> replacing) {
        MediaMetadata metadata;
        S3RangeSource source = new S3RangeSource(s3, record.bucket(), record.key(),
                record.eTag().orElseThrow(), record.size().orElseThrow());
        try {
            metadata = metrics.timeExtraction(() -> MediaExtraction.extract(source, limits));
        } catch (ObjectGoneException e) {
            return gone(key, record);
        } catch (ObjectChangedException e) {
            return RecordResult.of(RecordResult.Kind.OBJECT_CHANGED);
        }
        Optional<ObjectHead> head = source.firstResponse().map(ObjectHead::of);
        if (head.isEmpty()) {
            Optional<HeadObjectResponse> current = ObjectHead.current(s3, record.bucket(), record.key());
            if (current.isEmpty()) {
                return gone(key, record);
            }
            head = ObjectHead.of(current.get(), record);
        }
        if (head.isEmpty() || head.get().isAnotherVersionThan(record)) {
            return RecordResult.of(RecordResult.Kind.OBJECT_CHANGED);
        }
        var item = ItemAssembler.assemble(record, head.get(), metadata, clock.instant());
        WriteResult written = replacing.isPresent()
                ? store.replace(key, replacing.get(), record.sequencer(), item)
                : store.put(key, record.sequencer(), item);
        if (written == WriteResult.WRITTEN) {
            metrics.itemWritten(record, metadata, clock.instant());
        }
        return result(written);
    }

    /** The object is gone: its removal's event tells the story, and nothing this event wrote may outlive it. */
    private RecordResult gone(MediaKey key, S3EventRecord record) {
        store.withdraw(key, record.sequencer());
        return RecordResult.of(RecordResult.Kind.OBJECT_CHANGED);
    }

    private static RecordResult result(WriteResult written) {
        return RecordResult.of(written == WriteResult.WRITTEN ? RecordResult.Kind.APPLIED : RecordResult.Kind.STALE);
    }
}
