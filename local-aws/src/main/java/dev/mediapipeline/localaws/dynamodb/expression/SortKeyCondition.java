package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;

/**
 * The sort-key part of a key condition: {@code operator} is one of EQ, LT, LE, GT, GE, BETWEEN (with
 * {@code second}) and BEGINS_WITH, so a query can seek to its range instead of testing every item.
 */
public record SortKeyCondition(String operator, Value first, Value second) {

    /** Whether an item's sort key satisfies the condition; a missing key or one of another type does not. */
    public boolean test(Value sortKey) {
        return switch (operator) {
            case "EQ" -> Comparisons.equal(sortKey, first);
            case "LT" -> Comparisons.compare("<", sortKey, first);
            case "LE" -> Comparisons.compare("<=", sortKey, first);
            case "GT" -> Comparisons.compare(">", sortKey, first);
            case "GE" -> Comparisons.compare(">=", sortKey, first);
            case "BETWEEN" -> Comparisons.between(sortKey, first, second);
            case "BEGINS_WITH" -> Comparisons.beginsWith(sortKey, first);
            default -> throw new IllegalStateException("not a sort key operator: " + operator);
        };
    }
}
