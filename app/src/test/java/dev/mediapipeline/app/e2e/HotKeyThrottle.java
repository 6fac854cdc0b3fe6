package dev.mediapipeline.app.e2e;

import dev.mediapipeline.localaws.testing.Throttled;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Test double for what the embedded DynamoDB never does: throttle a hot partition. Every third attempt to
 * write an item, tombstone, index entry or tag count of the hot user fails with
 * ProvisionedThroughputExceededException before it is sent, as DynamoDB answers a partition beyond its 1,000
 * write units a second; the SDK's own retries see it as they see the real one. Every other call is real.
 */
final class HotKeyThrottle implements ExecutionInterceptor {

    private final String user;
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();

    HotKeyThrottle(String user) {
        this.user = user;
    }

    int throttled() {
        return throttled.get();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        if (touchesHotUser(context.request()) && writes.incrementAndGet() % 3 == 0) {
            throttled.incrementAndGet();
            throw Throttled.exception();
        }
    }

    /** Keys print as {@code AttributeValue(S=heavy)}: the user's item or tag counts, or {@code heavy#tag}. */
    private boolean touchesHotUser(Object request) {
        String text = request.toString();
        boolean write = request instanceof PutItemRequest || request instanceof UpdateItemRequest
                || request instanceof TransactWriteItemsRequest;
        return write && (text.contains("S=" + user + ")") || text.contains("S=" + user + "#"));
    }
}
