package dev.mediapipeline.localaws.edge;

/** Which backend a request is for. */
public enum Service {
    S3,
    SQS,
    /** DynamoDB and DynamoDB Streams: both are served by the dynamodb package's emulator. */
    DYNAMODB,
    /** Signed for a service the embedded stack does not provide (sns, sts, ...). */
    UNSUPPORTED
}
