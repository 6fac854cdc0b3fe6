package dev.mediapipeline.localaws.dynamodb.table;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mediapipeline.localaws.dynamodb.storage.KeyEncoding;
import dev.mediapipeline.localaws.dynamodb.streams.KeyAttribute;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table's or an index's key: a partition key and, optionally ({@code sortKey} null), a sort key. */
public record KeySchema(String partitionKey, Value.Type partitionType, String sortKey, Value.Type sortType) {

    @JsonIgnore
    public boolean hasSortKey() {
        return sortKey != null;
    }

    /** The key attribute names, partition key first. */
    @JsonIgnore
    public List<String> names() {
        List<String> names = new ArrayList<>(List.of(partitionKey));
        if (hasSortKey()) {
            names.add(sortKey);
        }
        return names;
    }

    /** The key as DescribeStream repeats it. */
    public List<KeyAttribute> streamKeySchema() {
        List<KeyAttribute> attributes = new ArrayList<>(List.of(KeyAttribute.hash(partitionKey)));
        if (hasSortKey()) {
            attributes.add(KeyAttribute.range(sortKey));
        }
        return attributes;
    }

    /** The declared type of one of this key's attributes. */
    public Value.Type typeOf(String attribute) {
        return attribute.equals(partitionKey) ? partitionType : sortType;
    }

    /** Whether {@code item} has every key attribute, so it has a place under this key. */
    public boolean covers(Map<String, Value> item) {
        return item.containsKey(partitionKey) && (!hasSortKey() || item.containsKey(sortKey));
    }

    /** The key attributes of an item that {@link #covers} it. */
    public Map<String, Value> keyOf(Map<String, Value> item) {
        Map<String, Value> key = new LinkedHashMap<>();
        names().forEach(name -> key.put(name, item.get(name)));
        return key;
    }

    /** The sortable encoding of an item's key (partition key, then sort key). */
    public byte[] encode(Map<String, Value> item) {
        return KeyEncoding.encode(item.get(partitionKey), hasSortKey() ? item.get(sortKey) : null);
    }

    /** The encoding every key of one partition starts with. */
    public byte[] encodePartition(Value partitionValue) {
        return KeyEncoding.encode(partitionValue);
    }
}
