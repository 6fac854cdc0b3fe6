package dev.mediapipeline.ingest.queue;

import dev.mediapipeline.localaws.testing.Throttled;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Test double for a fault the embedded DynamoDB never produces: throttling. A real client to the embedded stack
 * whose item writes (PutItem) for chosen users fail with ProvisionedThroughputExceededException
 * a given number of times before they reach the table. It throws before the SDK's own retries, so each
 * throttle is one failed attempt of the worker; every other call is real.
 */
final class ThrottlingDynamoDb implements ExecutionInterceptor {

    private final Map<String, Integer> throttlesLeft = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> attempts = new ConcurrentHashMap<>();

    static DynamoDbClient client(PrivateStack stack, ThrottlingDynamoDb faults) {
        return stack.dynamoDbWith(faults);
    }

    /** The next {@code times} item writes of this user are throttled. */
    void throttle(String user, int times) {
        throttlesLeft.put(user, times);
    }

    /** When each item write of this user was attempted, throttled or not. */
    List<Instant> attempts(String user) {
        return List.copyOf(attempts.getOrDefault(user, List.of()));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        if (!(context.request() instanceof PutItemRequest request) || !request.item().containsKey("Status")) {
            return;
        }
        String user = request.item().get("UserId").s();
        attempts.computeIfAbsent(user, u -> new CopyOnWriteArrayList<>()).add(Instant.now());
        if (throttlesLeft.getOrDefault(user, 0) > 0) {
            throttlesLeft.merge(user, -1, Integer::sum);
            throw Throttled.exception();
        }
    }
}
