package dev.mediapipeline.localaws.dynamodb.expression;

import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.assertValidation;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.b;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.n;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.s;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** KeyConditionExpression: the partition key's value, the sort key's range, and DynamoDB's errors. */
class KeyConditionExpressionTest {

    private static final ExpressionContext VALUES = values(":p", s("p1"), ":a", n("1"), ":b", n("5"), ":s", s("pre"));

    private static KeyCondition key(String expression) {
        return Expressions.keyCondition(expression, VALUES, "pk", "sk");
    }

    @Test
    void partitionKeyAlone() {
        assertThat(key("pk = :p")).isEqualTo(new KeyCondition(s("p1"), null));
        assertThat(Expressions.keyCondition(":p = pk", VALUES, "pk", null)).isEqualTo(new KeyCondition(s("p1"), null));
    }

    @Test
    void eachSortKeyOperator() {
        assertThat(key("pk = :p AND sk = :a").sortKey()).isEqualTo(new SortKeyCondition("EQ", n("1"), null));
        assertThat(key("pk = :p AND sk < :a").sortKey()).isEqualTo(new SortKeyCondition("LT", n("1"), null));
        assertThat(key("pk = :p AND sk <= :a").sortKey()).isEqualTo(new SortKeyCondition("LE", n("1"), null));
        assertThat(key("pk = :p AND sk > :a").sortKey()).isEqualTo(new SortKeyCondition("GT", n("1"), null));
        assertThat(key("pk = :p AND sk >= :a").sortKey()).isEqualTo(new SortKeyCondition("GE", n("1"), null));
        assertThat(key("sk BETWEEN :a AND :b AND pk = :p").sortKey()).isEqualTo(new SortKeyCondition("BETWEEN", n("1"), n("5")));
        assertThat(key("pk = :p AND begins_with(sk, :s)").sortKey()).isEqualTo(new SortKeyCondition("BEGINS_WITH", s("pre"), null));
    }

    @Test
    void aValueOnTheLeftMirrorsTheOperator() {
        assertThat(key("pk = :p AND :a < sk").sortKey()).isEqualTo(new SortKeyCondition("GT", n("1"), null));
        assertThat(key("pk = :p AND :a >= sk").sortKey()).isEqualTo(new SortKeyCondition("LE", n("1"), null));
    }

    @Test
    void placeholdersForKeyNames() {
        ExpressionContext context = new ExpressionContext(Map.of("#k", "pk"), Map.of(":p", s("p1")));
        assertThat(Expressions.keyCondition("#k = :p", context, "pk", null)).isEqualTo(new KeyCondition(s("p1"), null));
    }

    @Test
    void sortKeyConditionTests() {
        assertThat(new SortKeyCondition("EQ", n("1"), null).test(n("1.0"))).isTrue();
        assertThat(new SortKeyCondition("LT", n("5"), null).test(n("4"))).isTrue();
        assertThat(new SortKeyCondition("LE", n("5"), null).test(n("5"))).isTrue();
        assertThat(new SortKeyCondition("GT", s("b"), null).test(s("a"))).isFalse();
        assertThat(new SortKeyCondition("GE", s("b"), null).test(s("b"))).isTrue();
        assertThat(new SortKeyCondition("BETWEEN", n("1"), n("5")).test(n("5"))).isTrue();
        assertThat(new SortKeyCondition("BETWEEN", n("1"), n("5")).test(n("6"))).isFalse();
        assertThat(new SortKeyCondition("BEGINS_WITH", b(1), null).test(b(1, 2))).isTrue();
        assertThat(new SortKeyCondition("BEGINS_WITH", s("ab"), null).test(s("a"))).isFalse();
        assertThat(new SortKeyCondition("LT", n("5"), null).test(s("1"))).isFalse();
        assertThat(new SortKeyCondition("EQ", n("5"), null).test(null)).isFalse();
    }

    @Test
    void schemaErrors() {
        assertValidation(() -> key("sk = :a"), "Query condition missed key schema element: pk");
        assertValidation(() -> key("pk = :p AND extra = :a"), "Query condition missed key schema element: sk");
        assertValidation(() -> Expressions.keyCondition("pk = :p AND sk = :a", VALUES, "pk", null), "Query key condition not supported");
        assertValidation(() -> key("pk > :p"), "Query key condition not supported");
        assertValidation(() -> key("begins_with(pk, :s)"), "Query key condition not supported");
        assertValidation(() -> key("pk = :p AND pk = :p"), "KeyConditionExpressions must only contain one condition per key");
    }

    @Test
    void conditionsAKeyConditionCannotHold() {
        assertValidation(() -> key("pk = :p OR sk = :a"),
                "Invalid operator used in KeyConditionExpression: OR");
        assertValidation(() -> key("NOT pk = :p"),
                "Invalid operator used in KeyConditionExpression: NOT");
        assertValidation(() -> key("pk IN (:p)"),
                "Invalid operator used in KeyConditionExpression: IN");
        assertValidation(() -> key("pk <> :p"),
                "Invalid operator used in KeyConditionExpression: <>");
        assertValidation(() -> key("pk = :p AND attribute_exists(sk)"),
                "Invalid operator used in KeyConditionExpression: attribute_exists");
        assertValidation(() -> key("pk = :p AND contains(sk, :s)"),
                "Invalid operator used in KeyConditionExpression: contains");
        assertValidation(() -> key("pk = :p AND size(sk) > :a"), "KeyConditionExpressions cannot contain nested operations");
        assertValidation(() -> key("pk.x = :p"), "KeyConditionExpressions cannot have conditions on nested attributes");
        assertValidation(() -> key("pk = sk"),
                "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        assertValidation(() -> key(":p = :a"),
                "Invalid condition in KeyConditionExpression: No key attribute specified");
        assertValidation(() -> key("pk = :p AND :a BETWEEN sk AND :b"),
                "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
        assertValidation(() -> key("pk = :p AND begins_with(:s, sk)"),
                "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand");
    }

    @Test
    void parseErrorsNameKeyConditionExpression() {
        assertValidation(() -> key(""), "Invalid KeyConditionExpression: The expression can not be empty;");
        assertValidation(() -> key("pk = "), "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
        assertValidation(() -> key(":hashId a"), "Invalid KeyConditionExpression: Syntax error; token: \"a\", near: \":hashId a\"");
    }
}
