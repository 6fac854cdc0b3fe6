package dev.mediapipeline.indexer;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.item.Sequencers;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes UserMedia items as the ingest worker does, each with a newer sequencer than the one before. */
final class MediaItems {

    private final AwsClients clients;
    private long sequencer = 0x0055AED6DCD9000L;

    MediaItems(AwsClients clients) {
        this.clients = clients;
    }

    synchronized void put(String user, String mediaId, String... tags) {
        String seq = Long.toHexString(++sequencer).toUpperCase();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("UserId", AttributeValue.fromS(user));
        item.put("MediaId", AttributeValue.fromS(mediaId));
        item.put("S3Bucket", AttributeValue.fromS(clients.config().bucket()));
        item.put("S3Key", AttributeValue.fromS("users/" + user + "/" + mediaId));
        item.put("Sequencer", AttributeValue.fromS(seq));
        item.put("SequencerOrder", AttributeValue.fromS(Sequencers.order(seq)));
        item.put("UploadDate", AttributeValue.fromS("2026-11-24T10:00:00Z"));
        item.put("Type", AttributeValue.fromS("image"));
        item.put("ContentType", AttributeValue.fromS("image/jpeg"));
        item.put("Status", AttributeValue.fromS("READY"));
        // The indexer's lag is measured from here, as from the ingest worker's items.
        item.put("ProcessedAt", AttributeValue.fromS(Instant.now().toString()));
        item.put("Width", AttributeValue.fromN("640"));
        item.put("Height", AttributeValue.fromN("480"));
        item.put("Tags", AttributeValue.fromSs(List.of(tags)));
        clients.dynamoDb().putItem(r -> r.tableName(clients.config().mediaTable()).item(item));
    }
}
