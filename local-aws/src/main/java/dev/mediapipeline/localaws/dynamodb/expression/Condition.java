package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Map;

/** A parsed condition or filter: whether an item (empty when there is none) satisfies it. */
public interface Condition {

    boolean test(Map<String, Value> item);
}
