package dev.mediapipeline.localaws.dynamodb.expression;

import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.assertValidation;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.item;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.l;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.m;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.n;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ProjectionExpression: which parts of an item come back, and DynamoDB's errors. */
class ProjectionExpressionTest {

    private static final Map<String, Value> ITEM = item("a", n("1"), "b", s("x"),
            "m", m("x", n("1"), "y", m("z", n("2"), "w", n("3"))),
            "l", l(s("l0"), m("k", s("v"), "other", s("o")), s("l2")));

    private static Map<String, Value> project(String expression) {
        return Expressions.projection(expression, Fixtures.names("#m", "m")).apply(ITEM);
    }

    @Test
    void topLevelAttributes() {
        assertThat(Expressions.projection("a, nothing", ExpressionContext.empty()).apply(ITEM)).isEqualTo(item("a", n("1")));
    }

    @Test
    void nestedMapMembersKeepTheirEnclosingMaps() {
        assertThat(project("#m.y.z, #m.x")).isEqualTo(item("m", m("y", m("z", n("2")), "x", n("1"))));
    }

    @Test
    void listElementsComeBackAsAListInIndexOrder() {
        assertThat(project("l[2], l[0]")).isEqualTo(item("l", l(s("l0"), s("l2"))));
        assertThat(project("l[1].k")).isEqualTo(item("l", l(m("k", s("v")))));
        assertThat(project("l[9], l[0].k, #m[0]")).isEqualTo(item());
    }

    @Test
    void overlappingAndConflictingPaths() {
        assertValidation(() -> Expressions.projection("a, a", ExpressionContext.empty()),
                "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
                        + "path one: [a], path two: [a]");
        assertValidation(() -> Expressions.projection("m.x, m", ExpressionContext.empty()),
                "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
                        + "path one: [m, x], path two: [m]");
        assertValidation(() -> Expressions.projection("m[0], m.x", ExpressionContext.empty()),
                "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; "
                        + "path one: [m, [0]], path two: [m, x]");
    }

    @Test
    void expressionsAreLimitedTo4096Bytes() {
        String longest = "a" + "1".repeat(4095);
        assertThat(Expressions.projection(longest, ExpressionContext.empty()).apply(item(longest, n("1")))).isEqualTo(item(longest, n("1")));
        assertValidation(() -> Expressions.projection(longest + "1", ExpressionContext.empty()),
                "Invalid ProjectionExpression: Expression size has exceeded the maximum allowed size");
    }

    @Test
    void errors() {
        assertValidation(() -> Expressions.projection("", ExpressionContext.empty()),
                "Invalid ProjectionExpression: The expression can not be empty;");
        assertValidation(() -> Expressions.projection("a,", ExpressionContext.empty()),
                "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        assertValidation(() -> Expressions.projection("a[x]", ExpressionContext.empty()),
                "Invalid ProjectionExpression: Syntax error; token: \"x\", near: \"[x]\"");
        assertValidation(() -> Expressions.projection("name", ExpressionContext.empty()),
                "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
        assertValidation(() -> Expressions.projection("#n", ExpressionContext.empty()),
                "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #n");
    }
}
