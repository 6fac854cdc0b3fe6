package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TransactWriteItems' ClientRequestToken: for 10 minutes a repeated request with the same token gets
 * the first answer without being applied again; a different request with that token is refused.
 */
final class IdempotencyTokens {

    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private record Answered(JsonNode request, JsonNode response, long expiresAtMillis) {
    }

    private final Map<String, Answered> answered = new ConcurrentHashMap<>();
    private final Clock clock;

    IdempotencyTokens(Clock clock) {
        this.clock = clock;
    }

    /** The earlier answer to this request under {@code token}, if it is still remembered. */
    Optional<JsonNode> earlierAnswer(String token, JsonNode request) {
        long now = clock.millis();
        answered.values().removeIf(a -> a.expiresAtMillis() <= now);
        Answered earlier = answered.get(token);
        if (earlier == null) {
            return Optional.empty();
        }
        if (!withoutCapacityMode(earlier.request()).equals(withoutCapacityMode(request))) {
            throw new DynamoDbException("IdempotentParameterMismatchException", 400,
                    "The request uses the same client token as a previous, but non-identical request.");
        }
        return Optional.of(earlier.response());
    }

    void remember(String token, JsonNode request, JsonNode response) {
        answered.put(token, new Answered(request, response, clock.millis() + LIFETIME.toMillis()));
    }

    /** ReturnConsumedCapacity may differ between the calls: it changes the answer, not the request. */
    private static JsonNode withoutCapacityMode(JsonNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove("ReturnConsumedCapacity");
        return copy;
    }
}
