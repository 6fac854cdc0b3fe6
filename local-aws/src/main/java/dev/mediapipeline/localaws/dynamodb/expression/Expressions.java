package dev.mediapipeline.localaws.dynamodb.expression;

/**
 * Parses DynamoDB's expressions. Each method throws DynamoDB's ValidationException, with its message,
 * for a syntax error or a name or value the context does not supply, and marks what it used in the
 * context.
 */
public final class Expressions {

    private Expressions() {
    }

    /** A ConditionExpression. */
    public static Condition condition(String text, ExpressionContext context) {
        throw new UnsupportedOperationException("expression language: in progress");
    }

    /** A FilterExpression (the condition grammar; errors name FilterExpression). */
    public static Condition filter(String text, ExpressionContext context) {
        throw new UnsupportedOperationException("expression language: in progress");
    }

    /** A ProjectionExpression. */
    public static Projection projection(String text, ExpressionContext context) {
        throw new UnsupportedOperationException("expression language: in progress");
    }

    /** An UpdateExpression. */
    public static Update update(String text, ExpressionContext context) {
        throw new UnsupportedOperationException("expression language: in progress");
    }

    /**
     * A KeyConditionExpression for a table or index whose key is {@code partitionKey} and, when not
     * null, {@code sortKey}.
     */
    public static KeyCondition keyCondition(String text, ExpressionContext context, String partitionKey, String sortKey) {
        throw new UnsupportedOperationException("expression language: in progress");
    }
}
