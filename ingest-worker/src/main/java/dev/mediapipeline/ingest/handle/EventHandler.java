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

/**
 * Turns one S3 record into the item's new state: extraction for a create, removal for a delete.
 * An event outdated by a newer upload or a delete is recognised by its first read (ETag mismatch or 404);
 * a duplicate, by the conditional write.
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
        return record.kind() == S3EventKind.REMOVED ? remove(key, record) : create(key, record);
    }

    private RecordResult remove(MediaKey key, S3EventRecord record) {
        return result(store.remove(key, record.sequencer(), clock.instant()));
    }

    private RecordResult create(MediaKey key, S3EventRecord record) {
        MediaMetadata metadata;
        S3RangeSource source = new S3RangeSource(s3, record.bucket(), record.key(),
                record.eTag().orElseThrow(), record.size().orElseThrow());
        try {
            metadata = metrics.timeExtraction(() -> MediaExtraction.extract(source, limits));
        } catch (ObjectChangedException | ObjectGoneException e) {
            return RecordResult.of(RecordResult.Kind.OBJECT_CHANGED);
        }
        Optional<ObjectHead> head = source.firstResponse().map(ObjectHead::of).or(() -> ObjectHead.read(s3, record));
        if (head.isEmpty()) {
            return RecordResult.of(RecordResult.Kind.OBJECT_CHANGED);
        }
        WriteResult written = store.put(key, record.sequencer(),
                ItemAssembler.assemble(record, head.get(), metadata, clock.instant()));
        if (written == WriteResult.WRITTEN) {
            metrics.itemWritten(record, metadata, clock.instant());
        }
        return result(written);
    }

    private static RecordResult result(WriteResult written) {
        return RecordResult.of(written == WriteResult.WRITTEN ? RecordResult.Kind.APPLIED : RecordResult.Kind.STALE);
    }
}
