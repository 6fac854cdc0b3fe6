package dev.mediapipeline.common.aws;

import dev.mediapipeline.common.config.PipelineConfig;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One shared, pooled client per service for the whole process. With an endpoint (embedded stack or
 * LocalStack) requests go there with path-style S3; without one the default AWS chain decides.
 */
public final class AwsClients implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 64;

    private final PipelineConfig config;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final List<ExecutionInterceptor> interceptors;
    private S3Client s3;
    private SqsClient sqs;
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;

    public AwsClients(PipelineConfig config) {
        this(config, List.of());
    }

    /** Clients whose every request, KCL's included, also passes the interceptors (a benchmark counts them). */
    public AwsClients(PipelineConfig config, List<ExecutionInterceptor> interceptors) {
        this.config = config;
        this.interceptors = List.copyOf(interceptors);
        this.http = ApacheHttpClient.builder()
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
        this.credentials = credentialsFor(config);
    }

    public PipelineConfig config() {
        return config;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = configure(S3Client.builder().httpClient(http)
                    .forcePathStyle(config.endpoint().isPresent())).build();
        }
        return s3;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = configure(SqsClient.builder().httpClient(http)).build();
        }
        return sqs;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = configure(DynamoDbClient.builder().httpClient(http)).build();
        }
        return dynamoDb;
    }

    public synchronized DynamoDbStreamsClient dynamoDbStreams() {
        if (streams == null) {
            streams = configure(DynamoDbStreamsClient.builder().httpClient(http)).build();
        }
        return streams;
    }

    /** Applies region, credentials, endpoint and retries to any SDK client builder, sync or async. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .executionInterceptors(interceptors)
                        .build());
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    private static AwsCredentialsProvider credentialsFor(PipelineConfig config) {
        if (config.endpoint().isEmpty() || hasRealCredentials()) {
            return DefaultCredentialsProvider.builder().build();
        }
        // Emulators accept any key; a fixed pair keeps a laptop without AWS credentials working.
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    private static boolean hasRealCredentials() {
        return System.getenv("AWS_ACCESS_KEY_ID") != null || System.getenv("AWS_PROFILE") != null;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : new AutoCloseable[] {s3, sqs, dynamoDb, streams}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing at shutdown: nothing left to do with a failure
                }
            }
        }
        http.close();
    }
}
