package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all of its
 * expressions, and which of them the expressions used: DynamoDB rejects a request that supplies a name
 * or value that none of its expressions uses, or uses one it does not supply.
 */
public final class ExpressionContext {

    private final Map<String, String> names;
    private final Map<String, Value> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    /** Either map may be null: the request did not supply it. */
    public ExpressionContext(Map<String, String> names, Map<String, Value> values) {
        this.names = names == null ? Map.of() : new LinkedHashMap<>(names);
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    }

    /** A context for expressions that use no placeholders. */
    public static ExpressionContext empty() {
        return new ExpressionContext(null, null);
    }

    /** Throws DynamoDB's ValidationException when a supplied name or value was not used by any expression. */
    public void requireAllUsed() {
        List<String> unusedNames = unused(names.keySet(), usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoDbException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        List<String> unusedValues = unused(values.keySet(), usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoDbException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    /** The attribute name a {@code #placeholder} stands for, marking it used; null when not supplied. */
    String name(String placeholder) {
        String name = names.get(placeholder);
        if (name != null) {
            usedNames.add(placeholder);
        }
        return name;
    }

    /** The value a {@code :placeholder} stands for, marking it used; null when not supplied. */
    Value value(String placeholder) {
        Value value = values.get(placeholder);
        if (value != null) {
            usedValues.add(placeholder);
        }
        return value;
    }

    private static List<String> unused(Set<String> supplied, Set<String> used) {
        return supplied.stream().filter(k -> !used.contains(k)).collect(Collectors.toList());
    }
}
