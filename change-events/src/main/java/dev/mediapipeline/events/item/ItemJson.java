package dev.mediapipeline.events.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB item as plain JSON, what the published schemas describe: S a string, N a number, BOOL a
 * boolean, SS and NS sorted arrays (sets have no order; sorting makes equal items equal text), B and BS
 * base64, M and L nested. Attributes in name order, for the same reason.
 */
public final class ItemJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private ItemJson() {
    }

    public static ObjectNode of(Map<String, AttributeValue> item) {
        ObjectNode object = JSON.objectNode();
        new TreeMap<>(item).forEach((name, value) -> object.set(name, value(value)));
        return object;
    }

    private static JsonNode value(AttributeValue v) {
        return switch (v.type()) {
            case S -> JSON.textNode(v.s());
            case N -> number(v.n());
            case BOOL -> JSON.booleanNode(v.bool());
            case NUL -> JSON.nullNode();
            case B -> JSON.textNode(Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case SS -> array(v.ss().stream().sorted().map(JSON::textNode).toList());
            case NS -> array(v.ns().stream().map(BigDecimal::new).sorted().map(JSON::numberNode).toList());
            case BS -> array(v.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).sorted()
                    .map(JSON::textNode).toList());
            case L -> array(v.l().stream().map(ItemJson::value).toList());
            case M -> of(v.m());
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("attribute of an unknown type: " + v);
        };
    }

    /** Integers stay integers (FileSize 12 is 12, not 12.0), so the schemas can say "integer". */
    private static JsonNode number(String n) {
        BigDecimal d = new BigDecimal(n);
        return d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0
                ? JSON.numberNode(d.toBigIntegerExact()) : JSON.numberNode(d);
    }

    private static ArrayNode array(Iterable<? extends JsonNode> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
