package dev.mediapipeline.localaws.testing;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * The error DynamoDB answers a write beyond a partition's throughput with, which the embedded DynamoDB never
 * does: for test doubles to throw.
 */
public final class Throttled {

    private Throttled() {
    }

    public static ProvisionedThroughputExceededException exception() {
        return ProvisionedThroughputExceededException.builder()
                .message("The level of configured provisioned throughput for the table was exceeded (test double)")
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("DynamoDb")
                        .errorCode("ProvisionedThroughputExceededException").build())
                .build();
    }
}
