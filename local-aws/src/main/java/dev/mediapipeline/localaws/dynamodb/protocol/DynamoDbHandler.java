package dev.mediapipeline.localaws.dynamodb.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB's wire protocol, JSON 1.0: the operation comes from {@code X-Amz-Target}
 * ({@code DynamoDB_20120810.PutItem}, {@code DynamoDBStreams_20120810.GetRecords}), the request and the
 * answer are JSON, errors are {@code {"__type": ..., "message": ...}} with their status. Every answer
 * carries {@code x-amz-crc32}, which the AWS CLI and boto3 check.
 */
public final class DynamoDbHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final Operations operations;

    public DynamoDbHandler(Operations operations) {
        this.operations = operations;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int status = 200;
        JsonNode answer;
        try {
            String target = request.getHeaders().get("X-Amz-Target");
            answer = operations.invoke(target, parse(Content.Source.asString(request, StandardCharsets.UTF_8)));
        } catch (DynamoDbException e) {
            status = e.status();
            answer = errorBody(e);
        } catch (RuntimeException e) {
            LOG.warn("DynamoDB request failed", e);
            status = 500;
            answer = errorBody(new DynamoDbException("InternalServerError", 500, "Internal server error"));
        }
        byte[] body = JSON.writeValueAsBytes(answer);
        CRC32 crc = new CRC32();
        crc.update(body);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
        response.getHeaders().put("x-amz-crc32", Long.toString(crc.getValue()));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (!node.isObject()) {
                throw DynamoDbException.serialization("Start of list found where not expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw DynamoDbException.serialization(e.getOriginalMessage());
        }
    }

    private static ObjectNode errorBody(DynamoDbException e) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("__type", e.wireType());
        if (e.getMessage() != null) {
            body.put("message", e.getMessage());
        }
        e.addDetails(body);
        return body;
    }
}
