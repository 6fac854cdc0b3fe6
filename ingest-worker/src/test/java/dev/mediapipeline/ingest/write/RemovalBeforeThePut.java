package dev.mediapipeline.ingest.write;

import dev.mediapipeline.common.key.MediaKey;
import dev.mediapipeline.ingest.queue.PrivateStack;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Stages a race for real: just before the first PutItem of the item leaves, another store removes the same
 * key through the embedded DynamoDB. Nothing is faked; only the moment is chosen.
 */
final class RemovalBeforeThePut implements ExecutionInterceptor {

    private final MediaItemStore other;
    private final MediaKey key;
    private final String removalSequencer;
    private final AtomicBoolean done = new AtomicBoolean();

    private RemovalBeforeThePut(MediaItemStore other, MediaKey key, String removalSequencer) {
        this.other = other;
        this.key = key;
        this.removalSequencer = removalSequencer;
    }

    static DynamoDbClient client(PrivateStack stack, MediaItemStore other, MediaKey key, String removalSequencer) {
        return stack.dynamoDbWith(new RemovalBeforeThePut(other, key, removalSequencer));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        if (context.request() instanceof PutItemRequest put && put.item().containsKey("ProcessedAt")
                && done.compareAndSet(false, true)) {
            other.remove(key, removalSequencer, Instant.now());
        }
    }
}
