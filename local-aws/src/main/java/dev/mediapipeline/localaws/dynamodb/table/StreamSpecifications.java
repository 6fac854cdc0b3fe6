package dev.mediapipeline.localaws.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import java.util.Optional;

/** The StreamSpecification of CreateTable and UpdateTable. */
final class StreamSpecifications {

    private StreamSpecifications() {
    }

    /** Present when the request has a StreamSpecification; true when it enables a stream. */
    static Optional<Boolean> enabled(JsonNode request) {
        return RequestFields.field(request, "StreamSpecification").map(spec -> RequestFields.bool(spec, "StreamEnabled"));
    }

    /** The view type of a stream the request enables; empty when it enables none. */
    static Optional<String> viewTypeToEnable(JsonNode request) {
        Optional<JsonNode> spec = RequestFields.field(request, "StreamSpecification");
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> viewType = RequestFields.oneOf(spec.get(), "StreamViewType",
                "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
        if (!RequestFields.bool(spec.get(), "StreamEnabled")) {
            if (viewType.isPresent()) {
                throw DynamoDbException.validation(
                        "One or more parameter values were invalid: Disabled StreamSpecification cannot have a StreamViewType");
            }
            return Optional.empty();
        }
        return Optional.of(viewType.orElseThrow(() -> DynamoDbException.validation(
                "One or more parameter values were invalid: Enabled StreamSpecification must have a StreamViewType")));
    }
}
