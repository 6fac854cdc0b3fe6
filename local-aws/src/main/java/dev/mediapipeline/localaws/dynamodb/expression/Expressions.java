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
        return ConditionParser.parse(text, context, "ConditionExpression");
    }

    /** A FilterExpression (the condition grammar; errors name FilterExpression). */
    public static Condition filter(String text, ExpressionContext context) {
        return ConditionParser.parse(text, context, "FilterExpression");
    }

    /** A ProjectionExpression. */
    public static Projection projection(String text, ExpressionContext context) {
        return ProjectionParser.parse(text, context);
    }

    /** An UpdateExpression. */
    public static Update update(String text, ExpressionContext context) {
        return UpdateParser.parse(text, context);
    }

    /**
     * A KeyConditionExpression for a table or index whose key is {@code partitionKey} and, when not
     * null, {@code sortKey}.
     */
    public static KeyCondition keyCondition(String text, ExpressionContext context, String partitionKey, String sortKey) {
        return KeyConditions.from(ConditionParser.parse(text, context, "KeyConditionExpression"), partitionKey, sortKey);
    }
}
