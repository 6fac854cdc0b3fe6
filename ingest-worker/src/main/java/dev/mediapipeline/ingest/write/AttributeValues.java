package dev.mediapipeline.ingest.write;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Plain Java values of an item, as extraction produces them, in DynamoDB's types. */
final class AttributeValues {

    private AttributeValues() {
    }

    static Map<String, AttributeValue> of(Map<String, Object> values) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            AttributeValue v = of(name, value);
            if (v != null) {
                item.put(name, v);
            }
        });
        return item;
    }

    /** Null for values DynamoDB cannot hold (null, empty sets, empty strings). */
    static AttributeValue of(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s.isEmpty() ? null : AttributeValue.fromS(s);
        }
        if (value instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        }
        if (value instanceof BigDecimal d) {
            return AttributeValue.fromN(d.toPlainString());
        }
        if (value instanceof Number n) {
            return AttributeValue.fromN(n.toString());
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? null : AttributeValue.fromSs(c.stream().map(Object::toString).toList());
        }
        throw new IllegalArgumentException("attribute " + name + " has unsupported type " + value.getClass());
    }
}
