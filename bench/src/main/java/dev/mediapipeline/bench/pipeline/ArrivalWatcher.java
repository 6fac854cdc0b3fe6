package dev.mediapipeline.bench.pipeline;

import static dev.mediapipeline.common.item.ItemAttributes.MEDIA_ID;
import static dev.mediapipeline.common.item.ItemAttributes.PROCESSED_AT;
import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;

import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.indexer.projection.IndexAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Watches one user's items and one tag's index entries appear, as a client polling the tables would see
 * them. Each poll is one Query per table starting at the lowest key still missing, so it stays cheap however
 * many objects are done: keys sort in upload order.
 */
final class ArrivalWatcher implements AutoCloseable {

    /** When an item was stamped (ProcessedAt) and first seen, and when its tag-index entry was first seen. */
    record Arrival(Optional<Instant> processedAt, Optional<Instant> itemSeen, Optional<Instant> indexSeen) {
    }

    private final DynamoDbClient dynamoDb;
    private final PipelineConfig config;
    private final String user;
    private final String tag;
    private final Duration poll;
    private final NavigableSet<String> missingItems = new ConcurrentSkipListSet<>();
    private final NavigableSet<String> missingIndex = new ConcurrentSkipListSet<>();
    private final Map<String, Instant> processedAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> itemSeen = new ConcurrentHashMap<>();
    private final Map<String, Instant> indexSeen = new ConcurrentHashMap<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean stopped;

    /** @param tag the tag every watched object carries; null watches items only */
    ArrivalWatcher(DynamoDbClient dynamoDb, PipelineConfig config, String user, String tag,
                   Collection<String> mediaIds, Duration poll) {
        this.dynamoDb = dynamoDb;
        this.config = config;
        this.user = user;
        this.tag = tag;
        this.poll = poll;
        missingItems.addAll(mediaIds);
        if (tag != null) {
            missingIndex.addAll(mediaIds);
        }
        this.thread = new Thread(this::loop, "bench-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until everything was seen; false on timeout. */
    boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    Arrival arrival(String mediaId) {
        return new Arrival(Optional.ofNullable(processedAt.get(mediaId)), Optional.ofNullable(itemSeen.get(mediaId)),
                Optional.ofNullable(indexSeen.get(mediaId)));
    }

    private void loop() {
        while (!stopped && (!missingItems.isEmpty() || !missingIndex.isEmpty())) {
            long next = System.nanoTime() + poll.toNanos();
            try {
                if (!missingItems.isEmpty()) {
                    scan(config.mediaTable(), USER_ID, user, PROCESSED_AT, missingItems, (id, item) -> {
                        itemSeen.put(id, Instant.now());
                        AttributeValue at = item.get(PROCESSED_AT);
                        if (at != null) {
                            processedAt.put(id, Instant.parse(at.s()));
                        }
                    });
                }
                if (!missingIndex.isEmpty()) {
                    scan(config.tagIndexTable(), IndexAttributes.USER_TAG, user + "#" + tag, IndexAttributes.TAG,
                            missingIndex,
                            (id, item) -> indexSeen.put(id, Instant.now()));
                }
            } catch (RuntimeException e) {
                // A poll that fails only delays what it would have seen; the next one tries again.
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        done.countDown();
    }

    /** Queries {@code table} from the lowest missing key on, fetching the key and {@code attribute} only. */
    private void scan(String table, String hashKey, String hashValue, String attribute, NavigableSet<String> missing,
                      BiConsumer<String, Map<String, AttributeValue>> seen) {
        String from = missing.first();
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#h = :h AND #r >= :from")
                .projectionExpression("#r, #a")
                .expressionAttributeNames(Map.of("#h", hashKey, "#r", MEDIA_ID, "#a", attribute))
                .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(hashValue),
                        ":from", AttributeValue.fromS(from)))
                .build();
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(request).items()) {
            String id = item.get(MEDIA_ID).s();
            if (missing.remove(id)) {
                seen.accept(id, item);
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
