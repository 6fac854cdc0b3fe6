package dev.mediapipeline.events.follow;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a DynamoDB stream with the plain Streams API, across all its shards and their roll-overs, and hands
 * every record on in order per item: a shard is read only once its parent has been read to its end (a
 * parent the stream no longer lists has been trimmed). One thread, shards in turn; DynamoDB allows 5
 * GetRecords a second per shard, and an idle round waits {@code idlePause}.
 *
 * <p>The checkpoint moves after a batch was handed on, so a hard kill may hand the last batch on again
 * (consumers drop repeats by the event id); {@link #stop()} ends after the batch in hand, with nothing repeated.
 */
public final class StreamFollower {

    private static final Logger LOG = LoggerFactory.getLogger(StreamFollower.class);
    /** Shards close every few hours on AWS; a listing this old also catches shards a split adds. */
    private static final Duration LISTING_MAX_AGE = Duration.ofSeconds(30);

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final StartingPoint start;
    private final Checkpoint checkpoint;
    private final Duration idlePause;
    private final Map<String, String> iterators = new HashMap<>();
    /** Shards open when a LATEST reader came, which it reads from their tip. */
    private final Set<String> fromTip = new HashSet<>();
    private Map<String, Shard> shards = Map.of();
    private Instant listedAt = Instant.EPOCH;
    private boolean firstListing = true;
    private volatile boolean running = true;

    public StreamFollower(DynamoDbStreamsClient streams, String streamArn, StartingPoint start, Checkpoint checkpoint,
                          Duration idlePause) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.start = start;
        this.checkpoint = checkpoint;
        this.idlePause = idlePause;
        checkpoint.bind(streamArn);
    }

    /** The ARN of the table's stream, or a clear failure when the table has none. */
    public static String streamOf(DynamoDbClient dynamoDb, String table) {
        String arn = dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        if (arn == null) {
            throw new IllegalStateException("the table " + table + " has no stream: provision enables it "
                    + "(NEW_AND_OLD_IMAGES)");
        }
        return arn;
    }

    /**
     * Hands records on until {@link #stop()}, or, unless {@code follow}, until every shard is read up to
     * now. Saves the checkpoint after every batch.
     */
    public void run(Consumer<Record> sink, boolean follow) throws InterruptedException {
        run(sink, follow, () -> { });
    }

    /**
     * As {@link #run(Consumer, boolean)}, telling {@code positioned} once every shard has its position (after
     * the first round): from then on, with LATEST, every new change will be handed on.
     */
    public void run(Consumer<Record> sink, boolean follow, Runnable positioned) throws InterruptedException {
        boolean firstRound = true;
        while (running) {
            if (firstListing || Duration.between(listedAt, Instant.now()).compareTo(LISTING_MAX_AGE) > 0) {
                list();
            }
            boolean caughtUp = true;
            for (Shard shard : readable()) {
                if (!running) {
                    break;
                }
                caughtUp &= !readBatch(shard, sink);
            }
            checkpoint.save();
            if (firstRound) {
                positioned.run();
                firstRound = false;
            }
            if (caughtUp && !follow) {
                return;
            }
            if (caughtUp && running) {
                Thread.sleep(idlePause.toMillis());
            }
        }
    }

    /** Ends {@link #run} after the batch in hand, with the checkpoint saved. */
    public void stop() {
        running = false;
    }

    private void list() {
        Map<String, Shard> listed = new LinkedHashMap<>();
        String after = null;
        do {
            String exclusiveStart = after;
            var description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(exclusiveStart))
                    .streamDescription();
            description.shards().forEach(s -> listed.put(s.shardId(), s));
            after = description.lastEvaluatedShardId();
        } while (after != null);
        if (firstListing) {
            placeNewShards(listed);
            firstListing = false;
        }
        shards = listed;
        listedAt = Instant.now();
        checkpoint.forgetAllBut(Set.copyOf(listed.keySet()));
    }

    /**
     * With LATEST, the shards we find that descend from nothing the checkpoint knows are placed: a closed one
     * is not ours to read, an open one is read from its tip. A shard that does descend from a checkpointed
     * one appeared while we were away, and is read from its beginning.
     */
    private void placeNewShards(Map<String, Shard> listed) {
        if (start.kind() != StartingPoint.Kind.LATEST) {
            return;
        }
        List<Shard> unplaced = listed.values().stream()
                .filter(s -> !checkpoint.knows(s.shardId()) && !descendsFromCheckpoint(s, listed)).toList();
        for (Shard shard : unplaced) {
            if (isClosed(shard)) {
                checkpoint.finish(shard.shardId());
            } else {
                fromTip.add(shard.shardId());
                checkpoint.placeAtTip(shard.shardId(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            }
        }
    }

    private boolean descendsFromCheckpoint(Shard shard, Map<String, Shard> listed) {
        for (String parent = shard.parentShardId(); parent != null;
                parent = listed.containsKey(parent) ? listed.get(parent).parentShardId() : null) {
            if (checkpoint.knows(parent)) {
                return true;
            }
        }
        return false;
    }

    /** Unfinished shards whose parent is finished or gone. */
    private List<Shard> readable() {
        List<Shard> ready = new ArrayList<>();
        for (Shard shard : shards.values()) {
            String parent = shard.parentShardId();
            if (!checkpoint.isFinished(shard.shardId())
                    && (parent == null || !shards.containsKey(parent) || checkpoint.isFinished(parent))) {
                ready.add(shard);
            }
        }
        return ready;
    }

    /** One GetRecords; answers whether it handed anything on or finished the shard. */
    private boolean readBatch(Shard shard, Consumer<Record> sink) {
        String shardId = shard.shardId();
        GetRecordsResponse page;
        try {
            page = streams.getRecords(r -> r.shardIterator(iterator(shard)).limit(1000));
        } catch (ExpiredIteratorException e) {
            iterators.remove(shardId);
            return true;
        } catch (ResourceNotFoundException e) {
            LOG.warn("shard {} is gone from the stream (trimmed); going on with its children", shardId);
            checkpoint.finish(shardId);
            iterators.remove(shardId);
            return true;
        }
        // A shard this run placed at its tip needs no filter; one placed by an earlier run is read from its start.
        Optional<Instant> notBefore = fromTip.contains(shardId) ? start.notBefore()
                : checkpoint.tipSince(shardId).or(start::notBefore);
        for (Record record : page.records()) {
            if (notBefore.isEmpty() || !record.dynamodb().approximateCreationDateTime().isBefore(notBefore.get())) {
                sink.accept(record);
            }
            checkpoint.advance(shardId, record.dynamodb().sequenceNumber());
        }
        if (page.nextShardIterator() == null) {
            checkpoint.finish(shardId);
            iterators.remove(shardId);
            listedAt = Instant.EPOCH;
            return true;
        }
        iterators.put(shardId, page.nextShardIterator());
        return !page.records().isEmpty();
    }

    private String iterator(Shard shard) {
        String cached = iterators.get(shard.shardId());
        if (cached != null) {
            return cached;
        }
        Optional<String> after = checkpoint.lastSequence(shard.shardId());
        if (after.isPresent()) {
            try {
                return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after.get()))
                        .shardIterator();
            } catch (TrimmedDataAccessException e) {
                LOG.warn("the checkpoint of shard {} points at records the stream no longer keeps (older than 24 h); "
                        + "reading from its oldest record", shard.shardId());
            }
        }
        ShardIteratorType type = after.isEmpty() && fromTip.contains(shard.shardId())
                ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
        return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId()).shardIteratorType(type))
                .shardIterator();
    }

    private static boolean isClosed(Shard shard) {
        return shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null;
    }
}
