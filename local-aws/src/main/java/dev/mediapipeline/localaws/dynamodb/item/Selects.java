package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.expression.Projection;

/** The Select of a Query or Scan, defaulted and checked as DynamoDB does. */
final class Selects {

    private Selects() {
    }

    /** @param verb "Querying" or "Scanning", as DynamoDB's messages say */
    static String of(JsonNode request, ReadTarget target, Projection projection, boolean byAttributesToGet, String verb) {
        String select = RequestFields.oneOf(request, "Select",
                "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT").orElse(
                projection != null ? "SPECIFIC_ATTRIBUTES" : target.index() == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES");
        if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoDbException.validation("Cannot specify the " + (byAttributesToGet ? "AttributesToGet" : "ProjectionExpression")
                    + " when choosing to get " + select);
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && target.index() == null) {
            throw DynamoDbException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when " + verb + " using an IndexName");
        }
        if (select.equals("ALL_ATTRIBUTES") && target.index() != null && target.index().global()
                && !target.index().projectionType().equals("ALL")) {
            throw DynamoDbException.validation(ItemKeys.INVALID + "Select type ALL_ATTRIBUTES is not supported for global "
                    + "secondary index " + target.index().name() + " because its projection type is not ALL");
        }
        return select;
    }
}
