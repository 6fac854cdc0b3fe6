package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Map;
import java.util.Set;

/** A parsed update: the item it makes of an existing one (empty when there is none). */
public interface Update {

    /** @throws dev.mediapipeline.localaws.dynamodb.DynamoDbException as DynamoDB fails such an update */
    Map<String, Value> apply(Map<String, Value> item);

    /** The top-level attributes the update writes or removes, so key attributes can be refused. */
    Set<String> topLevelAttributes();

    /** The paths it writes or removes, for ReturnValues UPDATED_OLD / UPDATED_NEW. */
    Projection updatedPaths();
}
