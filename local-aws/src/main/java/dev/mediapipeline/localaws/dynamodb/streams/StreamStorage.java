package dev.mediapipeline.localaws.dynamodb.streams;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The streams' part of the engine's MVStore: stream states (as JSON), each stream's last record number,
 * and the records. A record's key is the stream ARN, {@code #} and its fixed-width sequence number, so one
 * stream's records are contiguous and in order; its value is the creation time in millis, a space, and
 * the record as GetRecords returns it, so retention can read the time without parsing the record.
 */
final class StreamStorage {

    /** Sorts after {@code #}, closing one stream's key range. */
    private static final String PAST_RECORDS = "$";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

    private final MVMap<String, String> states;
    private final MVMap<String, Long> lastSequences;
    private final MVMap<String, String> records;

    StreamStorage(MVStore store) {
        states = store.openMap("streams/streams");
        lastSequences = store.openMap("streams/sequences");
        records = store.openMap("streams/records");
    }

    record Stored(long sequence, long createdAt, String record) {
    }

    List<StreamState> states() {
        List<StreamState> all = new ArrayList<>();
        states.values().forEach(json -> all.add(parse(json)));
        return all;
    }

    void save(StreamState state) {
        try {
            states.put(state.arn(), JSON.writeValueAsString(state));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String arn) {
        states.remove(arn);
        lastSequences.remove(arn);
    }

    long lastSequence(String arn) {
        return lastSequences.getOrDefault(arn, 0L);
    }

    void setLastSequence(String arn, long sequence) {
        lastSequences.put(arn, sequence);
    }

    void append(String arn, long sequence, long createdAt, ObjectNode record) {
        records.put(key(arn, sequence), createdAt + " " + record);
    }

    /** Up to {@code limit} records of a stream, from number {@code from} on. */
    List<Stored> read(String arn, long from, int limit) {
        List<Stored> found = new ArrayList<>();
        Cursor<String, String> cursor = records.cursor(key(arn, from), arn + PAST_RECORDS, false);
        while (found.size() < limit && cursor.hasNext()) {
            String key = cursor.next();
            String value = cursor.getValue();
            int space = value.indexOf(' ');
            found.add(new Stored(sequenceOf(key), Long.parseLong(value.substring(0, space)), value.substring(space + 1)));
        }
        return found;
    }

    /** Removes a stream's records created before {@code cutoff}; answers the highest removed number, or 0. */
    long trimBefore(String arn, long cutoff) {
        long trimmed = 0;
        Cursor<String, String> cursor = records.cursor(key(arn, 0), arn + PAST_RECORDS, false);
        List<String> old = new ArrayList<>();
        while (cursor.hasNext()) {
            String key = cursor.next();
            String value = cursor.getValue();
            if (Long.parseLong(value.substring(0, value.indexOf(' '))) >= cutoff) {
                break;
            }
            old.add(key);
            trimmed = sequenceOf(key);
        }
        old.forEach(records::remove);
        return trimmed;
    }

    private static String key(String arn, long sequence) {
        return arn + "#" + SequenceNumbers.format(sequence);
    }

    private static long sequenceOf(String key) {
        return SequenceNumbers.parse(key.substring(key.lastIndexOf('#') + 1)).orElseThrow();
    }

    private static StreamState parse(String json) {
        try {
            return JSON.readValue(json, StreamState.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
