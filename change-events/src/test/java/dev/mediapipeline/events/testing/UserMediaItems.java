package dev.mediapipeline.events.testing;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.item.Sequencers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes UserMedia items as the ingest worker's writer lays them out (SchemaVersion 1), for tests of what
 * reads the table's stream without running extraction.
 */
public final class UserMediaItems {

    private final AwsClients clients;
    private long sequencer = 0x1000;

    public UserMediaItems(AwsClients clients) {
        this.clients = clients;
    }

    public Map<String, AttributeValue> put(String user, String mediaId, String takenAt) {
        Map<String, AttributeValue> item = item(user, mediaId, "READY");
        item.put("TakenAt", AttributeValue.fromS(takenAt));
        clients.dynamoDb().putItem(r -> r.tableName(clients.config().mediaTable()).item(item));
        return item;
    }

    public Map<String, AttributeValue> putFailed(String user, String mediaId) {
        Map<String, AttributeValue> item = item(user, mediaId, "FAILED");
        item.put("ErrorClass", AttributeValue.fromS("corrupt"));
        item.put("Error", AttributeValue.fromS("the PNG ends inside its IHDR chunk"));
        clients.dynamoDb().putItem(r -> r.tableName(clients.config().mediaTable()).item(item));
        return item;
    }

    public void delete(String user, String mediaId) {
        clients.dynamoDb().deleteItem(r -> r.tableName(clients.config().mediaTable()).key(Map.of(
                "UserId", AttributeValue.fromS(user), "MediaId", AttributeValue.fromS(mediaId))));
    }

    private Map<String, AttributeValue> item(String user, String mediaId, String status) {
        String seq = Long.toHexString(++sequencer).toUpperCase();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("UserId", AttributeValue.fromS(user));
        item.put("MediaId", AttributeValue.fromS(mediaId));
        item.put("S3Bucket", AttributeValue.fromS(clients.config().bucket()));
        item.put("S3Key", AttributeValue.fromS("users/" + user + "/" + mediaId));
        item.put("FileSize", AttributeValue.fromN("2048"));
        item.put("ETag", AttributeValue.fromS("0123456789abcdef0123456789abcdef"));
        item.put("Sequencer", AttributeValue.fromS(seq));
        item.put("SequencerOrder", AttributeValue.fromS(Sequencers.order(seq)));
        item.put("UploadDate", AttributeValue.fromS("2026-12-01T10:00:00Z"));
        item.put("Type", AttributeValue.fromS("image"));
        item.put("ContentType", AttributeValue.fromS("image/jpeg"));
        item.put("Status", AttributeValue.fromS(status));
        item.put("BytesRead", AttributeValue.fromN("2048"));
        item.put("ExtractorVersion", AttributeValue.fromN("2"));
        item.put("ProcessedAt", AttributeValue.fromS("2026-12-01T10:00:01Z"));
        item.put("SchemaVersion", AttributeValue.fromN("1"));
        item.put("Tags", AttributeValue.fromSs(List.of("beach", "summer")));
        return item;
    }
}
