package dev.mediapipeline.indexer.write;

import dev.mediapipeline.indexer.projection.IndexAttributes;
import dev.mediapipeline.indexer.projection.IndexWrite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Applies the writes of a whole batch of records that are all {@linkplain Ordering#IN_STREAM_ORDER in
 * stream order} in as few BatchWriteItem requests as DynamoDB allows (25 writes each), instead of one
 * request per (record, tag). A batch takes as long as its slowest request: fewer requests, shorter batches.
 *
 * <p>BatchWriteItem carries no conditions, and in stream order none are needed: every index item of the
 * batch's media was last written by an older record of the same media (the SequencerOrder guard would
 * pass), and an absent one was never created or was deleted by an older record (the source check would
 * pass). Writes to the same index item are coalesced, the last in stream order winning, which is also what
 * applying them one after the other would leave. A batch writer that stalls past its window (see the
 * stream package's ReplayHorizon) stops before its next request. Without the guard, the one case that
 * window leaves open (a request delayed in flight past half the failover time while a successor applies
 * newer records of the same media) could also bring back older attributes, not only a removed tag.
 */
public final class IndexBatchWriter {

    /** DynamoDB's limit of writes per BatchWriteItem. */
    static final int MAX_WRITES_PER_REQUEST = 25;

    private static final Logger LOG = LoggerFactory.getLogger(IndexBatchWriter.class);

    private final DynamoDbClient dynamoDb;
    private final String indexTable;
    private final RetryPolicy retry;

    public IndexBatchWriter(DynamoDbClient dynamoDb, String indexTable, RetryPolicy retry) {
        this.dynamoDb = dynamoDb;
        this.indexTable = indexTable;
        this.retry = retry;
    }

    /**
     * @param writes the batch's writes in stream order
     * @param inOrder checked before each request: false once in-order writes are no longer safe
     * @return true if every write reached the index; false if the window closed or DynamoDB kept failing,
     *         after which some of the writes may have been applied
     * @throws InterruptedException when the worker shuts down during a backoff
     */
    public boolean write(List<IndexWrite> writes, BooleanSupplier inOrder) throws InterruptedException {
        List<WriteRequest> pending = new ArrayList<>(coalesced(writes).values());
        int attempt = 1;
        while (!pending.isEmpty()) {
            if (!inOrder.getAsBoolean()) {
                return false;
            }
            List<WriteRequest> chunk = pending.subList(0, Math.min(MAX_WRITES_PER_REQUEST, pending.size()));
            List<WriteRequest> unprocessed;
            try {
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(
                        Map.of(indexTable, List.copyOf(chunk))));
                unprocessed = response.unprocessedItems().getOrDefault(indexTable, List.of());
            } catch (RuntimeException e) {
                LOG.debug("BatchWriteItem of {} index writes failed (attempt {})", chunk.size(), attempt, e);
                unprocessed = List.copyOf(chunk);
            }
            boolean progressed = unprocessed.size() < chunk.size();
            chunk.clear();
            pending.addAll(0, unprocessed);
            if (progressed || unprocessed.isEmpty()) {
                attempt = 1;
                continue;
            }
            if (attempt >= retry.maxAttempts()) {
                return false;
            }
            Thread.sleep(retry.backoffAfter(attempt).toMillis());
            attempt++;
        }
        return true;
    }

    /** One request per index item, the last write in stream order winning, in stream order of those. */
    private static Map<String, WriteRequest> coalesced(List<IndexWrite> writes) {
        Map<String, WriteRequest> byItem = new LinkedHashMap<>();
        for (IndexWrite write : writes) {
            String key = write.userTag() + '\u0000' + write.mediaId();
            byItem.remove(key);
            byItem.put(key, request(write));
        }
        return byItem;
    }

    private static WriteRequest request(IndexWrite write) {
        if (write instanceof IndexWrite.Put put) {
            return WriteRequest.builder().putRequest(p -> p.item(put.item())).build();
        }
        return WriteRequest.builder().deleteRequest(d -> d.key(Map.of(
                IndexAttributes.USER_TAG, AttributeValue.fromS(write.userTag()),
                IndexAttributes.MEDIA_ID, AttributeValue.fromS(write.mediaId())))).build();
    }
}
