package dev.mediapipeline.localaws.dynamodb.streams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.MVStore;

/**
 * DynamoDB Streams: keeps each table's change records (as the engine reports them through
 * {@link TableStreams}) and serves the {@code DynamoDBStreams_20120810} JSON API over them. State lives
 * in the engine's MVStore, in maps named {@code streams/...}, so streams, shards, records and handed-out
 * iterators survive a restart; the engine commits the store.
 */
public final class StreamsService implements TableStreams {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final StreamStorage storage;
    private final Clock clock;
    private final StreamsOptions options;
    private final StreamsApi api;
    private final Map<String, Stream> byArn = new ConcurrentHashMap<>();
    /** Each table's enabled stream. */
    private final Map<String, Stream> enabledByTable = new ConcurrentHashMap<>();

    public StreamsService(MVStore store, Clock clock, StreamsOptions options) {
        this.storage = new StreamStorage(store);
        this.clock = clock;
        this.options = options;
        this.api = new StreamsApi(this, clock, options);
        for (StreamState state : storage.states()) {
            Stream stream = new Stream(storage, options, state);
            byArn.put(state.arn(), stream);
            if (state.enabled()) {
                enabledByTable.put(state.tableName(), stream);
            }
        }
    }

    public StreamsService(MVStore store, Clock clock) {
        this(store, clock, StreamsOptions.defaults());
    }

    /**
     * Answers one DynamoDB Streams operation, the part of X-Amz-Target after
     * {@code DynamoDBStreams_20120810.}.
     *
     * @throws DynamoDbException as DynamoDB Streams would answer
     */
    public JsonNode handle(String operation, JsonNode request) {
        return api.handle(operation, request);
    }

    @Override
    public synchronized StreamInfo enable(String tableName, String tableArn, String viewType,
                                          List<KeyAttribute> keySchema) {
        if (enabledByTable.containsKey(tableName)) {
            throw DynamoDbException.validation("Table already has an enabled stream: TableName: " + tableName);
        }
        long now = clock.millis();
        String label = LABEL.format(Instant.ofEpochMilli(now));
        // Two streams of one table enabled within a millisecond would share an ARN: use the next free one.
        while (byArn.containsKey(tableArn + "/stream/" + label)) {
            now++;
            label = LABEL.format(Instant.ofEpochMilli(now));
        }
        String arn = tableArn + "/stream/" + label;
        Stream stream = Stream.create(storage, options, new StreamState(arn, label, tableName, tableArn, viewType,
                keySchema, now, true, List.of(), 0));
        byArn.put(arn, stream);
        enabledByTable.put(tableName, stream);
        return info(stream.state());
    }

    @Override
    public StreamInfo enable(String tableName, String tableArn, String viewType) {
        return enable(tableName, tableArn, viewType, List.of());
    }

    @Override
    public synchronized void disable(String tableName) {
        Stream stream = enabledByTable.remove(tableName);
        if (stream != null) {
            stream.disable(clock.millis());
        }
    }

    @Override
    public Optional<StreamInfo> current(String tableName) {
        return Optional.ofNullable(enabledByTable.get(tableName)).map(s -> info(s.state()));
    }

    /** Appends a change to the table's enabled stream; a table without one records nothing. */
    @Override
    public void record(String tableName, ItemChange change) {
        Stream stream = enabledByTable.get(tableName);
        if (stream != null) {
            stream.append(change, clock.millis());
        }
    }

    /** A stream brought up to date with the clock, unless it has aged out entirely. */
    Stream find(String arn) {
        Stream stream = byArn.get(arn);
        if (stream != null) {
            stream.refresh(clock.millis());
            if (stream.isGone()) {
                byArn.remove(arn, stream);
                stream = null;
            }
        }
        if (stream == null) {
            throw StreamErrors.streamNotFound(arn);
        }
        return stream;
    }

    /** Every existing stream, up to date, in ARN order. */
    List<Stream> streams() {
        long now = clock.millis();
        byArn.values().forEach(s -> s.refresh(now));
        byArn.values().removeIf(Stream::isGone);
        return byArn.values().stream().sorted(Comparator.comparing(s -> s.state().arn())).toList();
    }

    private static StreamInfo info(StreamState state) {
        return new StreamInfo(state.arn(), state.label(), state.viewType());
    }
}
