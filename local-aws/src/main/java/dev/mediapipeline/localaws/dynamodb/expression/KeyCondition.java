package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;

/** A parsed key condition: the partition key's value and, optionally, a condition on the sort key. */
public record KeyCondition(Value partitionKey, SortKeyCondition sortKey) {
}
