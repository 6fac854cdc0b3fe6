package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Map;

/** A parsed projection: the parts of an item it names (nested paths keep their enclosing documents). */
public interface Projection {

    Map<String, Value> apply(Map<String, Value> item);
}
