package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Map;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all of its
 * expressions, and which of them the expressions used: DynamoDB rejects a request that supplies a name
 * or value that none of its expressions uses, or uses one it does not supply.
 */
public final class ExpressionContext {

    public ExpressionContext(Map<String, String> names, Map<String, Value> values) {
        throw new UnsupportedOperationException("expression language: in progress");
    }

    /** Throws DynamoDB's ValidationException when a supplied name or value was not used by any expression. */
    public void requireAllUsed() {
        throw new UnsupportedOperationException("expression language: in progress");
    }
}
