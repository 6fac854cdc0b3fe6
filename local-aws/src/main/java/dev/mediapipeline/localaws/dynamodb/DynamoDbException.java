package dev.mediapipeline.localaws.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answered the way DynamoDB answers it: the exception's short name (the {@code __type} after
 * {@code #}), its HTTP status and message. Throw it anywhere below the protocol handler; the handler
 * renders it as DynamoDB's JSON error body.
 */
public class DynamoDbException extends RuntimeException {

    private final String type;
    private final int status;

    public DynamoDbException(String type, int status, String message) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    /** e.g. {@code ValidationException}. */
    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** The full {@code __type} DynamoDB sends, with the service's namespace. */
    public String wireType() {
        // The request layer's errors carry the framework's namespaces, the service's own errors DynamoDB's.
        String namespace = type.equals("ValidationException") ? "com.amazon.coral.validate#"
                : type.equals("SerializationException") || type.equals("UnknownOperationException")
                || type.equals("MissingAuthenticationTokenException") ? "com.amazon.coral.service#"
                : "com.amazonaws.dynamodb.v20120810#";
        return namespace + type;
    }

    /** Adds what this error's body carries beside {@code __type} and {@code message} (none by default). */
    public void addDetails(ObjectNode body) {
    }

    public static DynamoDbException validation(String message) {
        return new DynamoDbException("ValidationException", 400, message);
    }

    public static DynamoDbException conditionalCheckFailed() {
        return new DynamoDbException("ConditionalCheckFailedException", 400, "The conditional request failed");
    }

    public static DynamoDbException resourceNotFound(String message) {
        return new DynamoDbException("ResourceNotFoundException", 400, message);
    }

    public static DynamoDbException resourceInUse(String message) {
        return new DynamoDbException("ResourceInUseException", 400, message);
    }

    public static DynamoDbException serialization(String message) {
        return new DynamoDbException("SerializationException", 400, message);
    }
}
