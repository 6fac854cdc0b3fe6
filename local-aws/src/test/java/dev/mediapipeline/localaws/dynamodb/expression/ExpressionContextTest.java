package dev.mediapipeline.localaws.dynamodb.expression;

import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.assertValidation;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.n;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names and values a request supplies must each be used by one of its expressions. */
class ExpressionContextTest {

    @Test
    void unusedValuesAreListed() {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put(":a", n("1"));
        values.put(":x", n("2"));
        values.put(":y", n("3"));
        ExpressionContext context = new ExpressionContext(null, values);
        Expressions.condition("a = :a", context);
        assertValidation(context::requireAllUsed, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x, :y}");
    }

    @Test
    void unusedNamesAreReportedBeforeUnusedValues() {
        ExpressionContext context = new ExpressionContext(Map.of("#x", "x"), Map.of(":v", n("1")));
        assertValidation(context::requireAllUsed, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}");
    }

    @Test
    void usesCountAcrossTheRequestsExpressions() {
        ExpressionContext context = new ExpressionContext(Map.of("#a", "a", "#p", "p"), Map.of(":v", n("1")));
        Expressions.condition("#a = :v", context);
        Expressions.projection("#p", context);
        assertThatCode(context::requireAllUsed).doesNotThrowAnyException();
    }

    @Test
    void aValueUsedOnlyByAFailedParseIsStillUnusedWhenNothingElseUsesIt() {
        ExpressionContext context = new ExpressionContext(null, Map.of(":v", n("1")));
        assertValidation(() -> Expressions.update("SET a = :w", context),
                "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :w");
        assertValidation(context::requireAllUsed, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");
    }
}
