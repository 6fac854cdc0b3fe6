package dev.mediapipeline.localaws.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The wire protocol as a client without an SDK sees it. */
class DynamoDbHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void answersCarryTheirCrc32AndARequestId() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        CRC32 crc = new CRC32();
        crc.update(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
        assertThat(JSON.readTree(response.body()).has("TableNames")).isTrue();
    }

    @Test
    void anUnknownOperationIsAnsweredAsDynamoDbDoes() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.MakeCoffee", "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText())
                .isEqualTo("com.amazon.coral.service#UnknownOperationException");
    }

    @Test
    void aBodyThatIsNotJsonIsASerializationError() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{not json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText())
                .isEqualTo("com.amazon.coral.service#SerializationException");
    }

    @Test
    void validationErrorsNameTheirNamespaceAndMessage() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.DescribeTable", "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("com.amazon.coral.validate#ValidationException");
        assertThat(body.get("message").asText()).isEqualTo(
                "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
    }

    private static HttpResponse<String> post(String target, String body) throws Exception {
        URI endpoint = SharedLocalAws.endpoint();
        return HTTP.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", target)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
