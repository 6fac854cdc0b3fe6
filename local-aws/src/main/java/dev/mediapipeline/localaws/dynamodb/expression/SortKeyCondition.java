package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;

/**
 * The sort-key part of a key condition: {@code operator} is one of EQ, LT, LE, GT, GE, BETWEEN (with
 * {@code second}) and BEGINS_WITH, so a query can seek to its range instead of testing every item.
 */
public record SortKeyCondition(String operator, Value first, Value second) {

    public boolean test(Value sortKey) {
        throw new UnsupportedOperationException("expression language: in progress");
    }
}
