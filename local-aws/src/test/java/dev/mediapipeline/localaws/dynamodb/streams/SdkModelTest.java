package dev.mediapipeline.localaws.dynamodb.streams;

import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.START;
import static dev.mediapipeline.localaws.dynamodb.streams.StreamsFixture.TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The AWS SDK v2's DynamoDB Streams client, which KCL's DynamoDB Streams adapter is built on, reading our
 * answers: served over a bare HTTP server here, as the engine's handler will serve them.
 */
class SdkModelTest {

    private final StreamsFixture f = new StreamsFixture();
    private HttpServer server;
    private DynamoDbStreamsClient client;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target").replace("DynamoDBStreams_20120810.", "");
        JsonNode request = StreamsFixture.JSON.readTree(exchange.getRequestBody());
        int status = 200;
        JsonNode body;
        try {
            body = f.streams.handle(operation, request);
        } catch (DynamoDbException e) {
            status = e.status();
            body = StreamsFixture.JSON.createObjectNode().put("__type", e.wireType()).put("message", e.getMessage());
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void theSdkReadsStreamsShardsAndRecords() {
        String arn = f.enable("NEW_AND_OLD_IMAGES");
        f.change("a", null, "1");
        f.change("a", "1", "2");
        f.streams.record(TABLE, new ItemChange(Map.of("id", Value.s("a")), StreamsFixture.image("a", "2"), null, true));

        assertThat(client.listStreams(r -> r.tableName(TABLE)).streams()).singleElement()
                .satisfies(s -> assertThat(s.streamArn()).isEqualTo(arn));
        StreamDescription description = client.describeStream(r -> r.streamArn(arn)).streamDescription();
        assertThat(description.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(description.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(description.creationRequestDateTime()).isEqualTo(START);
        Shard shard = description.shards().get(0);
        String iterator = client.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        GetRecordsResponse response = client.getRecords(r -> r.shardIterator(iterator));

        assertThat(response.records()).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        Record modify = response.records().get(1);
        assertThat(modify.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(modify.eventVersion()).isEqualTo("1.1");
        assertThat(modify.awsRegion()).isEqualTo("us-east-1");
        assertThat(modify.userIdentity()).isNull();
        assertThat(modify.dynamodb().approximateCreationDateTime()).isEqualTo(START.minusMillis(123));
        assertThat(modify.dynamodb().keys()).isEqualTo(Map.of("id", AttributeValue.fromS("a")));
        assertThat(modify.dynamodb().newImage()).containsEntry("v", AttributeValue.fromS("2"));
        assertThat(modify.dynamodb().oldImage()).containsEntry("v", AttributeValue.fromS("1"));
        assertThat(modify.dynamodb().sequenceNumber()).isEqualTo("100000000000000000002");
        assertThat(modify.dynamodb().sizeBytes()).isEqualTo(13L);
        assertThat(modify.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(response.records().get(2).userIdentity().type()).isEqualTo("Service");
        assertThat(response.records().get(2).userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(response.nextShardIterator()).isNotNull();
    }

    @Test
    void theSdkRecognisesOurErrors() {
        String arn = f.enable("KEYS_ONLY");
        String iterator = f.iterator(arn, f.firstShard(arn), "LATEST");
        f.clock.advance(java.time.Duration.ofMinutes(16));

        ExpiredIteratorException e = catchThrowableOfType(ExpiredIteratorException.class,
                () -> client.getRecords(r -> r.shardIterator(iterator)));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Iterator expired.");
    }
}
