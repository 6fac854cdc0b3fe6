package dev.mediapipeline.localaws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Real AWS SDK v2 clients pointed at an endpoint, the way the pipeline configures them. */
final class TestClients implements AutoCloseable {

    final S3Client s3;
    final SqsClient sqs;
    final DynamoDbClient dynamoDb;
    final DynamoDbStreamsClient streams;

    TestClients(URI endpoint) {
        // Arbitrary credentials: the stack accepts any.
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
        Region region = Region.US_EAST_1;
        s3 = S3Client.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .forcePathStyle(true).httpClient(http()).build();
        sqs = SqsClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .httpClient(http()).build();
        dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .httpClient(http()).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(credentials).httpClient(http()).build();
    }

    private static software.amazon.awssdk.http.SdkHttpClient http() {
        return ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build();
    }

    @Override
    public void close() {
        s3.close();
        sqs.close();
        dynamoDb.close();
        streams.close();
    }
}
