package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import java.util.List;

/** A transaction refused as a whole, with one reason per request item, in request order. */
final class TransactionCanceledException extends DynamoDbException {

    private final transient List<ObjectNode> reasons;

    TransactionCanceledException(List<ObjectNode> reasons) {
        super("TransactionCanceledException", 400, "Transaction cancelled, please refer cancellation reasons for specific reasons "
                + reasons.stream().map(r -> r.get("Code").asText()).toList());
        this.reasons = reasons;
    }

    @Override
    public void addDetails(ObjectNode body) {
        ArrayNode list = body.putArray("CancellationReasons");
        reasons.forEach(list::add);
    }
}
