package dev.mediapipeline.localaws.dynamodb.expression;

import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.assertValidation;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.b;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.item;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.l;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.m;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.n;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.ns;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.s;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DynamoDB's evaluation rules: types, missing attributes and each function. */
class ConditionEvaluationTest {

    private static final Map<String, Value> ITEM = item(
            "s", s("apple"), "n", n("10"), "b", b(1, 2, 3), "ss", ss("x", "y"), "ns", ns("1", "2"),
            "l", l(s("a"), n("1")), "m", m("k", s("v"), "k2", n("2")), "t", Value.TRUE, "z", Value.NULL);

    private static boolean test(String expression, Object... placeholdersAndValues) {
        return Expressions.condition(expression, Fixtures.values(placeholdersAndValues)).test(ITEM);
    }

    @Test
    void equalityHoldsAcrossAllTypes() {
        assertThat(test("s = :v", ":v", s("apple"))).isTrue();
        assertThat(test("n = :v", ":v", n("10.00"))).isTrue();
        assertThat(test("b = :v", ":v", b(1, 2, 3))).isTrue();
        assertThat(test("ss = :v", ":v", ss("y", "x"))).isTrue();
        assertThat(test("ns = :v", ":v", ns("2.0", "1"))).isTrue();
        assertThat(test("l = :v", ":v", l(s("a"), n("1")))).isTrue();
        assertThat(test("l = :v", ":v", l(n("1"), s("a")))).isFalse();
        assertThat(test("m = :v", ":v", m("k2", n("2"), "k", s("v")))).isTrue();
        assertThat(test("t = :v", ":v", Value.TRUE)).isTrue();
        assertThat(test("z = :v", ":v", Value.NULL)).isTrue();
    }

    @Test
    void differentTypesAreNeitherEqualNorOrdered() {
        assertThat(test("n = :v", ":v", s("10"))).isFalse();
        assertThat(test("n <> :v", ":v", s("10"))).isTrue();
        assertThat(test("n < :v", ":v", s("99"))).isFalse();
        assertThat(test("n >= :v", ":v", s("1"))).isFalse();
    }

    @Test
    void orderingAppliesToStringsNumbersAndBinariesOnly() {
        assertThat(test("n > :v", ":v", n("9.5"))).isTrue();
        assertThat(test("n <= :v", ":v", n("10"))).isTrue();
        assertThat(test("s < :v", ":v", s("banana"))).isTrue();
        assertThat(test("b > :v", ":v", b(1, 2))).isTrue();
        assertThat(test("b < :v", ":v", b(0xff))).isTrue();
        assertThat(test("ss < :v", ":v", ss("z"))).isFalse();
        assertThat(test("t <= :v", ":v", Value.TRUE)).isFalse();
    }

    @Test
    void missingAttributesSatisfyNoComparisonButInequality() {
        assertThat(test("absent = :v", ":v", n("1"))).isFalse();
        assertThat(test("absent < :v", ":v", n("1"))).isFalse();
        assertThat(test("absent <> :v", ":v", n("1"))).isTrue();
        assertThat(test("absent BETWEEN :a AND :b", ":a", n("1"), ":b", n("2"))).isFalse();
        assertThat(test("absent IN (:a)", ":a", n("1"))).isFalse();
        assertThat(test("m.nothing.deeper = :v", ":v", n("1"))).isFalse();
    }

    @Test
    void betweenIsInclusive() {
        assertThat(test("n BETWEEN :a AND :b", ":a", n("10"), ":b", n("20"))).isTrue();
        assertThat(test("n BETWEEN :a AND :b", ":a", n("1"), ":b", n("10"))).isTrue();
        assertThat(test("n BETWEEN :a AND :b", ":a", n("11"), ":b", n("20"))).isFalse();
        assertThat(test("s BETWEEN :a AND :b", ":a", s("a"), ":b", s("b"))).isTrue();
    }

    @Test
    void inMatchesAnyCandidate() {
        assertThat(test("n IN (:a, :b)", ":a", n("1"), ":b", n("10"))).isTrue();
        assertThat(test("n IN (:a, :b)", ":a", n("1"), ":b", s("10"))).isFalse();
    }

    @Test
    void attributeExistsAndNotExists() {
        assertThat(test("attribute_exists(m.k)")).isTrue();
        assertThat(test("attribute_exists(l[1])")).isTrue();
        assertThat(test("attribute_exists(l[2])")).isFalse();
        assertThat(test("attribute_not_exists(absent)")).isTrue();
        assertThat(test("attribute_not_exists(s)")).isFalse();
        assertThat(test("attribute_exists(z)")).isTrue();
    }

    @Test
    void attributeTypeNamesEachType() {
        assertThat(test("attribute_type(s, :t)", ":t", s("S"))).isTrue();
        assertThat(test("attribute_type(ns, :t)", ":t", s("NS"))).isTrue();
        assertThat(test("attribute_type(m, :t)", ":t", s("M"))).isTrue();
        assertThat(test("attribute_type(t, :t)", ":t", s("BOOL"))).isTrue();
        assertThat(test("attribute_type(z, :t)", ":t", s("NULL"))).isTrue();
        assertThat(test("attribute_type(n, :t)", ":t", s("S"))).isFalse();
        assertThat(test("attribute_type(absent, :t)", ":t", s("S"))).isFalse();
    }

    @Test
    void beginsWithOnStringsAndBinaries() {
        assertThat(test("begins_with(s, :p)", ":p", s("app"))).isTrue();
        assertThat(test("begins_with(s, :p)", ":p", s("pp"))).isFalse();
        assertThat(test("begins_with(b, :p)", ":p", b(1, 2))).isTrue();
        assertThat(test("begins_with(b, :p)", ":p", b(2))).isFalse();
        assertThat(test("begins_with(ss, :p)", ":p", s("x"))).isFalse();
    }

    @Test
    void containsOnStringsSetsAndLists() {
        assertThat(test("contains(s, :v)", ":v", s("ppl"))).isTrue();
        assertThat(test("contains(s, :v)", ":v", s("pear"))).isFalse();
        assertThat(test("contains(ss, :v)", ":v", s("y"))).isTrue();
        assertThat(test("contains(ns, :v)", ":v", n("2.0"))).isTrue();
        assertThat(test("contains(ns, :v)", ":v", s("2"))).isFalse();
        assertThat(test("contains(l, :v)", ":v", n("1"))).isTrue();
        assertThat(test("contains(l, :v)", ":v", s("b"))).isFalse();
        assertThat(test("contains(n, :v)", ":v", n("1"))).isFalse();
    }

    @Test
    void sizeCountsCharactersBytesAndMembers() {
        assertThat(test("size(s) = :v", ":v", n("5"))).isTrue();
        assertThat(test("size(b) = :v", ":v", n("3"))).isTrue();
        assertThat(test("size(ss) = :v", ":v", n("2"))).isTrue();
        assertThat(test("size(l) = :v", ":v", n("2"))).isTrue();
        assertThat(test("size(m) = :v", ":v", n("2"))).isTrue();
        assertThat(test("size(absent) >= :v", ":v", n("0"))).isFalse();
        assertThat(Expressions.condition("size(s) = :v", Fixtures.values(":v", n("2"))).test(item("s", s("\uD83D\uDE00é")))).isTrue();
    }

    @Test
    void sizeOfAnAttributeWithoutOneFailsTheRequest() {
        assertValidation(() -> test("size(n) >= :v", ":v", n("0")),
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N");
        assertValidation(() -> Expressions.filter("size(t) > :v", Fixtures.values(":v", n("0"))).test(ITEM),
                "Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: size, operand type: BOOL");
    }

    @Test
    void notAndOrCombine() {
        assertThat(test("NOT s = :v", ":v", s("pear"))).isTrue();
        assertThat(test("s = :v OR n = :w", ":v", s("pear"), ":w", n("10"))).isTrue();
        assertThat(test("s = :v AND n = :w", ":v", s("pear"), ":w", n("10"))).isFalse();
        assertThat(test("NOT (s = :v OR n = :w)", ":v", s("pear"), ":w", n("10"))).isFalse();
    }

    @Test
    void anEmptyItemSatisfiesOnlyAbsence() {
        Condition condition = Expressions.condition("attribute_not_exists(pk)", ExpressionContext.empty());
        assertThat(condition.test(Map.of())).isTrue();
        assertThat(Expressions.condition("attribute_exists(pk)", ExpressionContext.empty()).test(Map.of())).isFalse();
    }
}
