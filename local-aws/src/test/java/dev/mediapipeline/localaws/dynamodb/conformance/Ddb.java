package dev.mediapipeline.localaws.dynamodb.conformance;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Shared plumbing of the conformance suite: real SDK v2 clients on the shared embedded stack (no
 * retries, so an error is seen as DynamoDB sent it), unique table names, attribute-value shorthands
 * and the assertion every error case uses: the SDK exception class, the error code and DynamoDB's
 * message exactly (the SDK appends " (Service: DynamoDb, Status Code: 400, Request ID: ...)" to
 * {@code getMessage()}, {@code awsErrorDetails().errorMessage()} is the message DynamoDB sent).
 */
final class Ddb {

    static final String REGION = SharedLocalAws.REGION;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static DynamoDbClient client;
    private static DynamoDbStreamsClient streamsClient;

    private Ddb() {
    }

    static synchronized DynamoDbClient ddb() {
        if (client == null) {
            URI endpoint = SharedLocalAws.endpoint();
            client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(credentials()).httpClient(http())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        }
        return client;
    }

    static synchronized DynamoDbStreamsClient streams() {
        if (streamsClient == null) {
            streamsClient = DynamoDbStreamsClient.builder().endpointOverride(SharedLocalAws.endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(credentials()).httpClient(http())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        }
        return streamsClient;
    }

    static URI endpoint() {
        return SharedLocalAws.endpoint();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCONFORMANCE", "secret"));
    }

    private static software.amazon.awssdk.http.SdkHttpClient http() {
        return ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).maxConnections(16).build();
    }

    /** A table name no other test uses: {@code base-<run>-<n>}. */
    static String uniqueName(String base) {
        return base + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    // ---- tables ----

    static KeySchemaElement hashKey(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    static KeySchemaElement rangeKey(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }

    static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static GlobalSecondaryIndex gsi(String name, ProjectionType projection, KeySchemaElement... keys) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys)
                .projection(Projection.builder().projectionType(projection).build()).build();
    }

    static LocalSecondaryIndex lsi(String name, ProjectionType projection, KeySchemaElement... keys) {
        return LocalSecondaryIndex.builder().indexName(name).keySchema(keys)
                .projection(Projection.builder().projectionType(projection).build()).build();
    }

    /** An on-demand table keyed {@code pk} (S), created and ACTIVE. */
    static String hashTable(String base) {
        return createTable(base, b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S))
                .keySchema(hashKey("pk")));
    }

    /** An on-demand table keyed {@code pk} (S) + {@code sk} of the given type, created and ACTIVE. */
    static String rangeTable(String base, ScalarAttributeType sortType) {
        return createTable(base, b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", sortType))
                .keySchema(hashKey("pk"), rangeKey("sk")));
    }

    /** Creates an on-demand table under a unique name (the customizer may override anything) and waits for ACTIVE. */
    static String createTable(String base, Consumer<CreateTableRequest.Builder> customizer) {
        String name = uniqueName(base);
        CreateTableRequest.Builder builder = CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        customizer.accept(builder);
        ddb().createTable(builder.build());
        awaitActive(name);
        return name;
    }

    /** Waits (bounded) until the table and all its GSIs are ACTIVE, as a client of real DynamoDB must. */
    static TableDescription awaitActive(String table) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> ddb().describeTable(b -> b.tableName(table)).table(),
                        d -> d.tableStatus() == TableStatus.ACTIVE && d.globalSecondaryIndexes().stream()
                                .allMatch(i -> "ACTIVE".equals(i.indexStatusAsString())));
    }

    /** Waits (bounded) until the table is gone from ListTables. */
    static void awaitDeleted(String table) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> !ddb().listTables().tableNames().contains(table));
    }

    // ---- values ----

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue b(int... bytes) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(bytes(bytes)));
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue nul() {
        return AttributeValue.fromNul(true);
    }

    static AttributeValue ss(String... values) {
        return AttributeValue.fromSs(Arrays.asList(values));
    }

    static AttributeValue ns(String... values) {
        return AttributeValue.fromNs(Arrays.asList(values));
    }

    static AttributeValue bs(byte[]... values) {
        List<SdkBytes> list = new ArrayList<>();
        for (byte[] v : values) {
            list.add(SdkBytes.fromByteArray(v));
        }
        return AttributeValue.fromBs(list);
    }

    static AttributeValue l(AttributeValue... values) {
        return AttributeValue.fromL(Arrays.asList(values));
    }

    static AttributeValue m(Object... keysAndValues) {
        return AttributeValue.fromM(item(keysAndValues));
    }

    /** {@code item("pk", s("a"), "n", n(1))}: an ordered attribute map. */
    static Map<String, AttributeValue> item(Object... keysAndValues) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (AttributeValue) keysAndValues[i + 1]);
        }
        return map;
    }

    /** {@code names("#a", "a", "#b", "b")}. */
    static Map<String, String> names(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String repeat(char c, int count) {
        return String.valueOf(c).repeat(count);
    }

    // ---- errors ----

    /** Runs the call, asserts it failed with that SDK exception class, and returns it. */
    static <T extends AwsServiceException> T failure(ThrowingCallable call, Class<T> type) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("the call's failure").isInstanceOf(type);
        return type.cast(thrown);
    }

    /** The exception class, the error code ({@code __type} after '#') and DynamoDB's message exactly. */
    static AwsServiceException assertError(ThrowingCallable call, Class<? extends AwsServiceException> type,
            String errorCode, String message) {
        AwsServiceException e = failure(call, type);
        assertThat(e.awsErrorDetails().errorCode()).as("error code").isEqualTo(errorCode);
        assertThat(e.awsErrorDetails().errorMessage()).as("DynamoDB's message").isEqualTo(message);
        assertThat(e.statusCode()).as("HTTP status").isEqualTo(400);
        return e;
    }

    /** A ValidationException (the SDK's generic DynamoDbException) with exactly this message. */
    static AwsServiceException assertValidation(ThrowingCallable call, String message) {
        return assertError(call, software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                "ValidationException", message);
    }

    /** A ValidationException whose message starts with this (where DynamoDB's tail is not pinned down). */
    static AwsServiceException assertValidationStartingWith(ThrowingCallable call, String prefix) {
        AwsServiceException e = failure(call, software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class);
        assertThat(e.awsErrorDetails().errorCode()).as("error code").isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).as("DynamoDB's message").startsWith(prefix);
        assertThat(e.getMessage()).contains("(Service: DynamoDb, Status Code: 400");
        return e;
    }

    /** A ValidationException whose message contains this distinctive part. */
    static AwsServiceException assertValidationContaining(ThrowingCallable call, String part) {
        AwsServiceException e = failure(call, software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class);
        assertThat(e.awsErrorDetails().errorCode()).as("error code").isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).as("DynamoDB's message").contains(part);
        return e;
    }

    static void assertConditionFailed(ThrowingCallable call) {
        assertError(call, software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.class,
                "ConditionalCheckFailedException", "The conditional request failed");
    }

    static void assertTableNotFound(ThrowingCallable call) {
        assertError(call, software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class,
                "ResourceNotFoundException", "Requested resource not found");
    }
}
