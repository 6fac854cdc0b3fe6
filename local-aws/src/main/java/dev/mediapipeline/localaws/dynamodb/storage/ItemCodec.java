package dev.mediapipeline.localaws.dynamodb.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A stored item: its DynamoDB size (4 bytes, so sizes, page limits and capacity need no decoding), then
 * DynamoDB's own JSON form, readable in a dump and read by a codec that already exists.
 */
final class ItemCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIZE_BYTES = Integer.BYTES;

    private ItemCodec() {
    }

    static byte[] encode(Map<String, Value> item) {
        try {
            byte[] json = JSON.writeValueAsBytes(ValueJson.writeItem(item));
            return ByteBuffer.allocate(SIZE_BYTES + json.length).putInt(Value.itemSize(item)).put(json).array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Value> decode(byte[] stored) {
        try {
            return ValueJson.readItem(JSON.readTree(stored, SIZE_BYTES, stored.length - SIZE_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored item", e);
        }
    }

    static int size(byte[] stored) {
        return ByteBuffer.wrap(stored).getInt();
    }
}
