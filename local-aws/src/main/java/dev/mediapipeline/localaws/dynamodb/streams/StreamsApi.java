package dev.mediapipeline.localaws.dynamodb.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/** The four operations of the DynamoDB Streams API, from request JSON to response JSON. */
final class StreamsApi {

    /** In the order the service lists them in its validation message. */
    private static final List<String> ITERATOR_TYPES =
            List.of("AFTER_SEQUENCE_NUMBER", "LATEST", "AT_SEQUENCE_NUMBER", "TRIM_HORIZON");
    private static final int MAX_LIST_LIMIT = 100;
    private static final int MAX_RECORDS_LIMIT = 1000;
    /** GetRecords answers at most 1 MB of records (but always one, if there is one). */
    private static final int MAX_RECORDS_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamsService streams;
    private final Clock clock;
    private final StreamsOptions options;

    StreamsApi(StreamsService streams, Clock clock, StreamsOptions options) {
        this.streams = streams;
        this.clock = clock;
        this.options = options;
    }

    JsonNode handle(String operation, JsonNode request) {
        JsonNode body = request == null || request.isNull() ? JSON.createObjectNode() : request;
        return switch (operation) {
            case "ListStreams" -> listStreams(body);
            case "DescribeStream" -> describeStream(body);
            case "GetShardIterator" -> getShardIterator(body);
            case "GetRecords" -> getRecords(body);
            default -> throw new DynamoDbException("UnknownOperationException", 400, null);
        };
    }

    private JsonNode listStreams(JsonNode request) {
        Validation v = new Validation(request);
        String table = v.optional("TableName", 3, 255);
        int limit = v.limit(MAX_LIST_LIMIT, MAX_LIST_LIMIT);
        String exclusiveStart = v.optional("ExclusiveStartStreamArn", 37, 1024);
        v.check();
        List<StreamState> matching = streams.streams().stream().map(Stream::state)
                .filter(s -> table == null || s.tableName().equals(table))
                .filter(s -> exclusiveStart == null || s.arn().compareTo(exclusiveStart) > 0)
                .toList();
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray("Streams");
        matching.stream().limit(limit).forEach(s -> {
            ObjectNode entry = list.addObject();
            entry.put("StreamArn", s.arn());
            entry.put("TableName", s.tableName());
            entry.put("StreamLabel", s.label());
        });
        if (matching.size() > limit) {
            response.put("LastEvaluatedStreamArn", matching.get(limit - 1).arn());
        }
        return response;
    }

    private JsonNode describeStream(JsonNode request) {
        Validation v = new Validation(request);
        String arn = v.required("StreamArn", 37, 1024);
        int limit = v.limit(MAX_LIST_LIMIT, MAX_LIST_LIMIT);
        String exclusiveStart = v.optional("ExclusiveStartShardId", 28, 65);
        v.check();
        StreamState state = streams.find(arn).state();
        ObjectNode response = JSON.createObjectNode();
        ObjectNode description = response.putObject("StreamDescription");
        description.put("StreamArn", state.arn());
        description.put("StreamLabel", state.label());
        description.put("StreamStatus", state.enabled() ? "ENABLED" : "DISABLED");
        description.put("StreamViewType", state.viewType());
        description.put("CreationRequestDateTime", BigDecimal.valueOf(state.createdAt(), 3));
        description.put("TableName", state.tableName());
        ArrayNode keys = description.putArray("KeySchema");
        state.keySchema().forEach(k -> keys.addObject().put("AttributeName", k.attributeName())
                .put("KeyType", k.keyType()));
        // Shard ids start with their creation time in fixed width, so id order is creation order.
        List<Shard> shards = state.shards().stream()
                .filter(s -> exclusiveStart == null || s.id().compareTo(exclusiveStart) > 0)
                .toList();
        ArrayNode list = description.putArray("Shards");
        shards.stream().limit(limit).forEach(s -> list.add(shard(s)));
        if (shards.size() > limit) {
            description.put("LastEvaluatedShardId", shards.get(limit - 1).id());
        }
        return response;
    }

    private static ObjectNode shard(Shard shard) {
        ObjectNode node = JSON.createObjectNode();
        node.put("ShardId", shard.id());
        if (shard.parentId() != null) {
            node.put("ParentShardId", shard.parentId());
        }
        ObjectNode range = node.putObject("SequenceNumberRange");
        range.put("StartingSequenceNumber", SequenceNumbers.format(shard.start()));
        if (!shard.isOpen()) {
            range.put("EndingSequenceNumber", SequenceNumbers.format(shard.end()));
        }
        return node;
    }

    private JsonNode getShardIterator(JsonNode request) {
        Validation v = new Validation(request);
        String arn = v.required("StreamArn", 37, 1024);
        String shardId = v.required("ShardId", 28, 65);
        String type = v.requiredEnum("ShardIteratorType", ITERATOR_TYPES);
        String sequenceNumber = v.optional("SequenceNumber", 21, 40);
        v.check();
        Stream stream = streams.find(arn);
        StreamState state = stream.state();
        Shard shard = state.shard(shardId);
        if (shard == null) {
            throw StreamErrors.shardNotFound();
        }
        long position = switch (type) {
            case "TRIM_HORIZON" -> Math.max(shard.start(), state.trimmedThrough() + 1);
            case "LATEST" -> stream.latestPosition(shard);
            default -> {
                long n = sequenceIn(stream, shard, type, sequenceNumber);
                yield type.equals("AT_SEQUENCE_NUMBER") ? n : n + 1;
            }
        };
        ObjectNode response = JSON.createObjectNode();
        response.put("ShardIterator", new ShardIterator(arn, shardId, position, clock.millis()).encode());
        return response;
    }

    /** The record number a sequence-number iterator names, checked to lie in the shard and not be trimmed. */
    private static long sequenceIn(Stream stream, Shard shard, String type, String sequenceNumber) {
        if (sequenceNumber == null) {
            throw DynamoDbException.validation("SequenceNumber is required for ShardIteratorType " + type);
        }
        long n = SequenceNumbers.parse(sequenceNumber)
                .orElseThrow(() -> StreamErrors.invalidSequenceNumber(sequenceNumber, shard.id()));
        long last = shard.isOpen() ? stream.lastSequence() : shard.end();
        if (n < shard.start() || n > last) {
            throw StreamErrors.invalidSequenceNumber(sequenceNumber, shard.id());
        }
        if (n <= stream.state().trimmedThrough()) {
            throw StreamErrors.trimmed();
        }
        return n;
    }

    private JsonNode getRecords(JsonNode request) {
        Validation v = new Validation(request);
        String text = v.required("ShardIterator", 1, 2048);
        int limit = v.limit(MAX_RECORDS_LIMIT, MAX_RECORDS_LIMIT);
        v.check();
        ShardIterator iterator = ShardIterator.decode(text);
        long now = clock.millis();
        if (now - iterator.createdAt() > options.iteratorLifetime().toMillis()) {
            throw StreamErrors.expired(iterator.createdAt(), now, options.iteratorLifetime());
        }
        Stream stream = streams.find(iterator.streamArn());
        Shard shard = stream.state().shard(iterator.shardId());
        if (shard == null || iterator.position() <= stream.state().trimmedThrough()
                && (shard.isOpen() || iterator.position() <= shard.end())) {
            throw StreamErrors.trimmed();
        }
        List<StreamStorage.Stored> read = stream.read(iterator.position(), limit);
        // Taken after reading: if the shard was open then, everything read was appended to it.
        Shard after = stream.state().shard(shard.id());
        Long end = after == null ? shard.end() : after.end();
        List<StreamStorage.Stored> inShard = read.stream().filter(r -> end == null || r.sequence() <= end).toList();
        ObjectNode response = JSON.createObjectNode();
        ArrayNode records = response.putArray("Records");
        long next = iterator.position();
        int bytes = 0;
        for (StreamStorage.Stored r : inShard) {
            bytes += r.record().length();
            if (bytes > MAX_RECORDS_BYTES && !records.isEmpty()) {
                break;
            }
            records.add(parse(r.record()));
            next = r.sequence() + 1;
        }
        // A closed shard is done once its end is passed, or everything left in it fitted into this answer.
        boolean allTaken = records.size() == inShard.size();
        boolean exhausted = end != null && (next > end || allTaken && inShard.size() < limit);
        if (!exhausted) {
            response.put("NextShardIterator", iterator.at(next, now).encode());
        }
        return response;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
