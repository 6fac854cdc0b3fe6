package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a parsed KeyConditionExpression into a {@link KeyCondition}: only AND may join conditions, each
 * condition names one top-level key attribute once, and the partition key must be matched with "=".
 */
final class KeyConditions {

    private static final Map<String, String> OPERATORS = Map.of("=", "EQ", "<", "LT", "<=", "LE", ">", "GT", ">=", "GE");
    /** The operator that holds when the operands are written the other way round ({@code :v < sk} is {@code sk > :v}). */
    private static final Map<String, String> MIRRORED = Map.of("EQ", "EQ", "LT", "GT", "LE", "GE", "GT", "LT", "GE", "LE");

    private final Map<String, SortKeyCondition> byAttribute = new LinkedHashMap<>();

    private KeyConditions() {
    }

    static KeyCondition from(Cond condition, String partitionKey, String sortKey) {
        KeyConditions conditions = new KeyConditions();
        conditions.collect(condition);
        return conditions.forSchema(partitionKey, sortKey);
    }

    /** Applies the key schema the way a Query does, to conditions already known to be well formed. */
    static KeyCondition forSchema(Map<String, SortKeyCondition> byAttribute, String partitionKey, String sortKey) {
        KeyConditions conditions = new KeyConditions();
        conditions.byAttribute.putAll(byAttribute);
        return conditions.forSchema(partitionKey, sortKey);
    }

    private KeyCondition forSchema(String partitionKey, String sortKey) {
        if (sortKey == null && byAttribute.size() > 1) {
            throw DynamoDbException.validation("Query key condition not supported");
        }
        SortKeyCondition partition = byAttribute.get(partitionKey);
        if (partition == null) {
            throw DynamoDbException.validation("Query condition missed key schema element: " + partitionKey);
        }
        if (!partition.operator().equals("EQ")) {
            throw DynamoDbException.validation("Query key condition not supported");
        }
        SortKeyCondition sort = sortKey == null ? null : byAttribute.get(sortKey);
        if (sort == null && byAttribute.size() > 1) {
            throw DynamoDbException.validation("Query condition missed key schema element: " + sortKey);
        }
        return new KeyCondition(partition.first(), sort);
    }

    private void collect(Cond condition) {
        if (condition instanceof Cond.And and) {
            collect(and.left());
            collect(and.right());
        } else if (condition instanceof Cond.Compare compare && OPERATORS.containsKey(compare.operator())) {
            comparison(compare);
        } else if (condition instanceof Cond.Between between) {
            keyFirst("BETWEEN", between.value(), List.of(between.low(), between.high()));
        } else if (condition instanceof Cond.BeginsWith beginsWith) {
            keyFirst("begins_with", beginsWith.value(), List.of(beginsWith.prefix()));
        } else {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: " + operatorName(condition));
        }
    }

    private void comparison(Cond.Compare compare) {
        String operator = OPERATORS.get(compare.operator());
        if (compare.right() instanceof Operand.Attribute && !(compare.left() instanceof Operand.Attribute)) {
            add(MIRRORED.get(operator), compare.right(), List.of(compare.left()));
        } else {
            add(operator, compare.left(), List.of(compare.right()));
        }
    }

    private void keyFirst(String operator, Operand key, List<Operand> values) {
        rejectNested(key, values);
        if (!(key instanceof Operand.Attribute)) {
            throw DynamoDbException.validation("Invalid condition in KeyConditionExpression: " + operator + " operator must have the key attribute as its first operand");
        }
        add(operator.toUpperCase(Locale.ROOT), key, values);
    }

    private void add(String operator, Operand key, List<Operand> values) {
        rejectNested(key, values);
        if (values.stream().anyMatch(v -> v instanceof Operand.Attribute)) {
            throw DynamoDbException.validation("Invalid condition in KeyConditionExpression: " + (key instanceof Operand.Attribute
                    ? "Multiple attribute names used in one condition" : "No key attribute specified"));
        }
        if (!(key instanceof Operand.Attribute attribute)) {
            throw DynamoDbException.validation("Invalid condition in KeyConditionExpression: No key attribute specified");
        }
        if (attribute.path().length() > 1) {
            throw DynamoDbException.validation("KeyConditionExpressions cannot have conditions on nested attributes");
        }
        String name = attribute.path().head();
        if (byAttribute.containsKey(name)) {
            throw DynamoDbException.validation("KeyConditionExpressions must only contain one condition per key");
        }
        Value first = ((Operand.Literal) values.get(0)).value();
        Value second = values.size() > 1 ? ((Operand.Literal) values.get(1)).value() : null;
        byAttribute.put(name, new SortKeyCondition(operator, first, second));
    }

    private static void rejectNested(Operand key, List<Operand> values) {
        if (key instanceof Operand.Size || values.stream().anyMatch(v -> v instanceof Operand.Size)) {
            throw DynamoDbException.validation("KeyConditionExpressions cannot contain nested operations");
        }
    }

    private static String operatorName(Cond condition) {
        if (condition instanceof Cond.Exists exists) {
            return exists.expected() ? "attribute_exists" : "attribute_not_exists";
        }
        if (condition instanceof Cond.Compare compare) {
            return compare.operator();
        }
        if (condition instanceof Cond.AttributeType) {
            return "attribute_type";
        }
        if (condition instanceof Cond.Contains) {
            return "contains";
        }
        if (condition instanceof Cond.In) {
            return "IN";
        }
        return condition instanceof Cond.Or ? "OR" : "NOT";
    }
}
