package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.Map;

/** A failed condition; with ReturnValuesOnConditionCheckFailure ALL_OLD its body carries the item. */
final class ConditionalCheckFailedException extends DynamoDbException {

    private final transient Map<String, Value> item;

    ConditionalCheckFailedException(Map<String, Value> item) {
        super("ConditionalCheckFailedException", 400, "The conditional request failed");
        this.item = item;
    }

    @Override
    public void addDetails(ObjectNode body) {
        if (item != null) {
            body.set("Item", ValueJson.writeItem(item));
        }
    }
}
