package dev.mediapipeline.lambda.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A DynamoDB Streams event source mapping, in process: each shard is read with GetRecords from its trim
 * horizon once its parent is finished, so an item's records reach the handler in order, and its batches
 * are delivered with the mapping's retry, bisect and on-failure rules ({@link ShardBatches}). The
 * position in each shard is kept in memory only: a restarted process reads the stream from its trim
 * horizon again, which the idempotent index writes make harmless.
 */
public final class StreamEventSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamEventSource.class);
    private static final Duration DISCOVERY = Duration.ofSeconds(1);

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;
    private final StreamMappingSettings settings;
    private final FailureDestination onFailure;
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final Set<String> listed = ConcurrentHashMap.newKeySet();
    private final ExecutorService shards;
    private final Thread discovery;
    private final AtomicBoolean running = new AtomicBoolean();

    public StreamEventSource(DynamoDbStreamsClient streams, String streamArn,
                             RequestHandler<DynamodbEvent, StreamsEventResponse> handler, StreamMappingSettings settings,
                             FailureDestination onFailure) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.handler = handler;
        this.settings = settings;
        this.onFailure = onFailure;
        AtomicInteger threads = new AtomicInteger();
        this.shards = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stream-event-source-shard-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.discovery = new Thread(this::discoverLoop, "stream-event-source");
        this.discovery.setDaemon(true);
    }

    public void start() {
        running.set(true);
        discovery.start();
    }


    private void discoverLoop() {
        while (running.get()) {
            try {
                for (Shard shard : listShards()) {
                    boolean parentDone = shard.parentShardId() == null || finished.contains(shard.parentShardId())
                            || !started.contains(shard.parentShardId()) && !known(shard.parentShardId());
                    if (parentDone && started.add(shard.shardId())) {
                        shards.execute(() -> read(shard.shardId()));
                    }
                }
                Thread.sleep(DISCOVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.warn("Listing the shards of {} failed, retrying: {}", streamArn, e.toString());
                    sleepQuietly(DISCOVERY);
                }
            }
        }
    }

    /** A parent no longer listed has been trimmed away: its children need not wait for it. */
    private boolean known(String shardId) {
        return listed.contains(shardId);
    }

    private List<Shard> listShards() {
        List<Shard> all = new ArrayList<>();
        String from = null;
        do {
            String start = from;
            var description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(start))
                    .streamDescription();
            all.addAll(description.shards());
            from = description.lastEvaluatedShardId();
        } while (from != null);
        listed.clear();
        all.forEach(s -> listed.add(s.shardId()));
        return all;
    }

    private void read(String shardId) {
        ShardBatches batches = new ShardBatches(handler, settings, onFailure, streamArn, shardId);
        String lastDone = null;
        String iterator = null;
        while (running.get()) {
            try {
                if (iterator == null) {
                    iterator = iterator(shardId, lastDone);
                }
                String current = iterator;
                GetRecordsResponse response = streams.getRecords(r -> r.shardIterator(current)
                        .limit(settings.batchSize()));
                List<Record> records = response.records();
                if (!records.isEmpty()) {
                    batches.deliver(records);
                    lastDone = records.get(records.size() - 1).dynamodb().sequenceNumber();
                }
                iterator = response.nextShardIterator();
                if (iterator == null) {
                    finished.add(shardId);
                    return;
                }
                if (records.isEmpty()) {
                    Thread.sleep(settings.pollIdle().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.warn("Reading shard {} failed, retrying after {}: {}", shardId, lastDone, e.toString());
                    iterator = null;
                    sleepQuietly(settings.pollIdle());
                }
            }
        }
    }

    private String iterator(String shardId, String after) {
        return streams.getShardIterator(r -> {
            r.streamArn(streamArn).shardId(shardId);
            if (after == null) {
                r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
            }
        }).shardIterator();
    }

    /** Stops reading; a batch under way is finished first, within a few seconds. */
    @Override
    public void close() {
        running.set(false);
        discovery.interrupt();
        shards.shutdownNow();
        try {
            shards.awaitTermination(10, TimeUnit.SECONDS);
            discovery.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
