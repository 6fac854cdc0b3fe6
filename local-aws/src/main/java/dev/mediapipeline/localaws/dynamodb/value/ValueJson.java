package dev.mediapipeline.localaws.dynamodb.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * DynamoDB's JSON form of attribute values ({@code {"S": "x"}}, {@code {"N": "1.5"}}, binaries in
 * base64), read with DynamoDB's validation and written as DynamoDB writes them (numbers normalised).
 */
public final class ValueJson {

    /** DynamoDB's number range: 38 significant digits, magnitude from 1E-130 to below 1E+126. */
    private static final int MAX_DIGITS = 38;
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1E+126");
    private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String INVALID = "One or more parameter values were invalid: ";

    private ValueJson() {
    }

    /** Reads an item, an {@code {"attr": {"S": ...}, ...}} object. */
    public static Map<String, Value> readItem(JsonNode node) {
        Map<String, Value> item = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return item;
        }
        if (!node.isObject()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        node.fields().forEachRemaining(e -> item.put(e.getKey(), read(e.getValue())));
        return item;
    }

    /** Reads one attribute value and validates it as DynamoDB does on every request. */
    public static Value read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        int set = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        Map.Entry<String, JsonNode> chosen = null;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isNull()) {
                set++;
                chosen = field;
            }
        }
        if (set == 0) {
            throw DynamoDbException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (set > 1) {
            throw DynamoDbException.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        Value.Type type;
        try {
            type = Value.Type.valueOf(chosen.getKey());
        } catch (IllegalArgumentException e) {
            throw DynamoDbException.serialization("Unrecognized field name '" + chosen.getKey() + "'");
        }
        JsonNode v = chosen.getValue();
        return switch (type) {
            case S -> Value.s(text(v));
            case N -> Value.n(number(text(v)));
            case B -> Value.b(binary(v));
            case SS -> Value.ss(set(v, Value.Type.SS, ValueJson::text));
            case NS -> Value.ns(set(v, Value.Type.NS, m -> number(text(m))));
            case BS -> Value.bs(set(v, Value.Type.BS, ValueJson::binary));
            case M -> Value.m(readItem(v));
            case L -> Value.l(list(v));
            case NULL -> {
                if (!v.isBoolean() || !v.asBoolean()) {
                    throw DynamoDbException.validation(
                            INVALID + "Null attribute value types must have the value of true");
                }
                yield Value.NULL;
            }
            case BOOL -> {
                if (!v.isBoolean()) {
                    throw DynamoDbException.serialization("Unexpected value type in payload");
                }
                yield Value.bool(v.asBoolean());
            }
        };
    }

    /**
     * Parses a number as DynamoDB does: decimal notation with an optional exponent, at most 38
     * significant digits, within DynamoDB's range.
     */
    public static BigDecimal number(String text) {
        BigDecimal n;
        try {
            n = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DynamoDbException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        BigDecimal stripped = n.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (stripped.precision() > MAX_DIGITS) {
            throw DynamoDbException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal magnitude = stripped.abs();
        if (magnitude.compareTo(MAX_MAGNITUDE) >= 0) {
            throw DynamoDbException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude.compareTo(MIN_MAGNITUDE) < 0) {
            throw DynamoDbException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return stripped;
    }

    /** Writes an item as DynamoDB returns it. */
    public static ObjectNode writeItem(Map<String, Value> item) {
        ObjectNode node = JSON.objectNode();
        item.forEach((name, value) -> node.set(name, write(value)));
        return node;
    }

    public static ObjectNode write(Value value) {
        ObjectNode node = JSON.objectNode();
        String type = value.type().name();
        switch (value.type()) {
            case S -> node.put(type, value.asS());
            case N -> node.put(type, value.asNText());
            case B -> node.put(type, value.asB().toString());
            case SS -> value.asSS().forEach(node.putArray(type)::add);
            case NS -> value.asNS().forEach(n -> node.withArray(type).add(n.toPlainString()));
            case BS -> value.asBS().forEach(b -> node.withArray(type).add(b.toString()));
            case M -> node.set(type, writeItem(value.asM()));
            case L -> {
                ArrayNode list = node.putArray(type);
                value.asL().forEach(v -> list.add(write(v)));
            }
            case NULL -> node.put(type, true);
            case BOOL -> node.put(type, value.asBool());
        }
        return node;
    }

    private static String text(JsonNode v) {
        if (!v.isTextual()) {
            throw DynamoDbException.serialization("NUMBER_VALUE cannot be converted to String");
        }
        return v.asText();
    }

    private static Value.Bytes binary(JsonNode v) {
        try {
            return Value.Bytes.copyOf(Base64.getDecoder().decode(text(v)));
        } catch (IllegalArgumentException e) {
            throw DynamoDbException.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: "
                    + text(v).length());
        }
    }

    private static <T> List<T> set(JsonNode v, Value.Type type, Function<JsonNode, T> member) {
        if (!v.isArray()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        if (v.isEmpty()) {
            throw DynamoDbException.validation(INVALID + switch (type) {
                case SS -> "An string set  may not be empty";
                case NS -> "An number set  may not be empty";
                default -> "Binary sets should not be empty";
            });
        }
        List<T> members = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        v.forEach(m -> {
            members.add(member.apply(m));
            texts.add(m.asText());
        });
        if (new HashSet<>(members).size() < members.size()) {
            throw DynamoDbException.validation(switch (type) {
                case NS -> "Input collection contains duplicates";
                case BS -> INVALID + "Input collection " + texts + "of type BS contains duplicates.";
                default -> INVALID + "Input collection " + texts + " contains duplicates.";
            });
        }
        return members;
    }

    private static List<Value> list(JsonNode v) {
        if (!v.isArray()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        List<Value> members = new ArrayList<>();
        v.forEach(m -> members.add(read(m)));
        return members;
    }
}
