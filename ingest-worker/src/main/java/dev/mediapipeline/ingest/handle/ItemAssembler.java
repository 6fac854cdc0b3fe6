package dev.mediapipeline.ingest.handle;

import static dev.mediapipeline.common.item.ItemAttributes.DECLARED_CONTENT_TYPE;
import static dev.mediapipeline.common.item.ItemAttributes.ETAG;
import static dev.mediapipeline.common.item.ItemAttributes.EXTRACTOR_VERSION;
import static dev.mediapipeline.common.item.ItemAttributes.FILE_SIZE;
import static dev.mediapipeline.common.item.ItemAttributes.PROCESSED_AT;
import static dev.mediapipeline.common.item.ItemAttributes.S3_BUCKET;
import static dev.mediapipeline.common.item.ItemAttributes.S3_KEY;
import static dev.mediapipeline.common.item.ItemAttributes.SCHEMA_VERSION;
import static dev.mediapipeline.common.item.ItemAttributes.SCHEMA_VERSION_ATTRIBUTE;
import static dev.mediapipeline.common.item.ItemAttributes.TAGS;
import static dev.mediapipeline.common.item.ItemAttributes.TAKEN_AT;
import static dev.mediapipeline.common.item.ItemAttributes.TIMELINE_AT;
import static dev.mediapipeline.common.item.ItemAttributes.TIMELINE_SOURCE;
import static dev.mediapipeline.common.item.ItemAttributes.UPLOAD_DATE;
import static dev.mediapipeline.common.item.ItemAttributes.VERSION_ID;

import dev.mediapipeline.common.event.S3EventRecord;
import dev.mediapipeline.common.item.Timeline;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.tags.Tags;
import dev.mediapipeline.ingest.write.ItemLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One item's attributes: what the event says, what the uploader declared, what extraction found. */
public final class ItemAssembler {

    /**
     * Raise when extraction gets better, so that {@code backfill --stale-only} reprocesses what older
     * workers wrote.
     */
    public static final int CURRENT_EXTRACTOR_VERSION = 3;

    private ItemAssembler() {
    }

    /**
     * The uploader's tags come first, so they survive the cap when a file carries thousands of keywords;
     * whatever the cap or the length limit took away, here or in extraction, is named in Truncated.
     */
    static Map<String, Object> assemble(S3EventRecord record, ObjectHead head, MediaMetadata metadata,
                                        Instant processedAt) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(S3_BUCKET, record.bucket());
        item.put(S3_KEY, record.key());
        item.put(FILE_SIZE, record.size().orElseThrow());
        item.put(ETAG, ObjectHead.unquoted(record.eTag().orElseThrow()));
        item.put(UPLOAD_DATE, record.eventTime().toString());
        record.versionId().ifPresent(v -> item.put(VERSION_ID, v));
        head.declaredContentType().ifPresent(t -> item.put(DECLARED_CONTENT_TYPE, t));
        item.putAll(metadata.toAttributes());
        Timeline timeline = Timeline.of(Optional.ofNullable((String) item.get(TAKEN_AT)), record.eventTime());
        item.put(TIMELINE_AT, timeline.at());
        item.put(TIMELINE_SOURCE, timeline.source());
        List<String> offered = new ArrayList<>(head.declaredTags());
        offered.addAll(metadata.tags());
        Set<String> tags = Tags.normalise(offered);
        item.put(TAGS, tags);
        if (Tags.lost(offered, tags)) {
            ItemLimits.markTruncated(item, TAGS);
        }
        item.put(EXTRACTOR_VERSION, CURRENT_EXTRACTOR_VERSION);
        item.put(PROCESSED_AT, processedAt.toString());
        item.put(SCHEMA_VERSION_ATTRIBUTE, SCHEMA_VERSION);
        return item;
    }
}
