package dev.mediapipeline.localaws.dynamodb.streams;

/** One element of a table's key schema, as DescribeStream repeats it: a name and HASH or RANGE. */
public record KeyAttribute(String attributeName, String keyType) {

    public static KeyAttribute hash(String attributeName) {
        return new KeyAttribute(attributeName, "HASH");
    }

    public static KeyAttribute range(String attributeName) {
        return new KeyAttribute(attributeName, "RANGE");
    }
}
