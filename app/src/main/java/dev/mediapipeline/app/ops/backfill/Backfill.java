package dev.mediapipeline.app.ops.backfill;

import static dev.mediapipeline.common.item.ItemAttributes.ETAG;
import static dev.mediapipeline.common.item.ItemAttributes.EXTRACTOR_VERSION;
import static dev.mediapipeline.common.item.ItemAttributes.MEDIA_ID;
import static dev.mediapipeline.common.item.ItemAttributes.SEQUENCER_ORDER;
import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.event.S3Event;
import dev.mediapipeline.common.event.S3EventJson;
import dev.mediapipeline.common.event.S3EventType;
import dev.mediapipeline.common.key.KeyLayoutException;
import dev.mediapipeline.common.key.MediaKey;
import dev.mediapipeline.ingest.handle.ItemAssembler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reprocesses what the table lacks: lists the bucket under a prefix and, for every object whose item is
 * missing, written by an older extractor, or describing another ETag, sends the ingest queue the
 * ObjectCreated:Put event S3 would have sent (same JSON; configurationId {@value #CONFIGURATION_ID}). The
 * workers then handle it like any upload, so there is one code path for items, not two. See
 * {@link BackfillSequencer} for the sequencer the events carry.
 *
 * <p>Costs per object: one consistent GetItem (two for a missing item: the tombstone too), and one
 * SendMessage per event at the given rate. The bucket is listed twice: once to size the progress bar.
 */
public final class Backfill {

    /** Marks synthetic events in the S3 JSON; S3 puts the notification configuration's id there. */
    public static final String CONFIGURATION_ID = "media-pipeline-backfill";

    /**
     * @param prefix key prefix to list, e.g. {@code users/} or {@code users/alice/}
     * @param staleOnly only items that exist but are outdated or changed; missing items are left alone
     * @param dryRun classify and count, send nothing
     * @param ratePerSecond events sent per second at most
     */
    public record Options(String prefix, boolean staleOnly, boolean dryRun, double ratePerSecond) {
    }

    private final AwsClients clients;
    private final PipelineConfig config;
    private final S3EventJson events;

    public Backfill(AwsClients clients) {
        this.clients = clients;
        this.config = clients.config();
        this.events = new S3EventJson(config.region());
    }

    public BackfillSummary run(Options options, Progress progress) {
        long start = System.nanoTime();
        progress.total(clients.s3().listObjectsV2Paginator(r -> r.bucket(config.bucket()).prefix(options.prefix()))
                .contents().stream().count());
        String queueUrl = clients.sqs().getQueueUrl(r -> r.queueName(config.ingestQueue())).queueUrl();
        Pacer pacer = new Pacer(options.ratePerSecond());
        Map<ItemState, Long> counts = BackfillSummary.emptyCounts();
        long listed = 0;
        long enqueued = 0;
        for (S3Object object : clients.s3().listObjectsV2Paginator(r -> r.bucket(config.bucket())
                .prefix(options.prefix())).contents()) {
            listed++;
            Decision decision = decide(object);
            counts.merge(decision.state(), 1L, Long::sum);
            if (decision.state().wanted(options.staleOnly())) {
                if (!options.dryRun()) {
                    pacer.await();
                    String body = event(object, BackfillSequencer.after(decision.knownOrder()));
                    clients.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
                }
                enqueued++;
            }
            progress.at(listed, enqueued);
        }
        progress.done();
        return new BackfillSummary(listed, counts, enqueued, options.dryRun(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** An item state and the newest sequencer order the table knows for the key. */
    record Decision(ItemState state, Optional<String> knownOrder) {
    }

    Decision decide(S3Object object) {
        MediaKey key;
        try {
            key = MediaKey.parse(object.key());
        } catch (KeyLayoutException e) {
            return new Decision(ItemState.OUTSIDE_LAYOUT, Optional.empty());
        }
        Map<String, AttributeValue> item = get(config.mediaTable(), key,
                EXTRACTOR_VERSION + ", " + SEQUENCER_ORDER + ", " + ETAG);
        if (item.isEmpty()) {
            return new Decision(ItemState.MISSING, text(get(config.tombstoneTable(), key, SEQUENCER_ORDER),
                    SEQUENCER_ORDER));
        }
        Optional<String> order = text(item, SEQUENCER_ORDER);
        int version = Optional.ofNullable(item.get(EXTRACTOR_VERSION)).map(v -> Integer.parseInt(v.n())).orElse(0);
        if (version < ItemAssembler.CURRENT_EXTRACTOR_VERSION) {
            return new Decision(ItemState.OUTDATED, order);
        }
        if (!unquoted(object.eTag()).equals(text(item, ETAG).map(Backfill::unquoted).orElse(""))) {
            return new Decision(ItemState.CHANGED, order);
        }
        return new Decision(ItemState.CURRENT, order);
    }

    private String event(S3Object object, String sequencer) {
        return events.record(new S3Event(S3EventType.OBJECT_CREATED_PUT, config.bucket(), object.key(),
                object.size(), unquoted(object.eTag()), null, sequencer, object.lastModified(),
                S3EventJson.newRequestId(), S3EventJson.newHostId()), CONFIGURATION_ID);
    }

    private Map<String, AttributeValue> get(String table, MediaKey key, String projection) {
        return clients.dynamoDb().getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(USER_ID, AttributeValue.fromS(key.userId()), MEDIA_ID, AttributeValue.fromS(key.mediaId())))
                .projectionExpression(projection)).item();
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    private static String unquoted(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }
}
