package dev.mediapipeline.localaws.dynamodb.conformance;

import static dev.mediapipeline.localaws.dynamodb.conformance.Ddb.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * The condition language, evaluated against one stored item through a conditional UpdateItem that
 * changes nothing ("REMOVE" of an absent attribute): comparisons, BETWEEN/IN, the functions, paths,
 * precedence, legacy Expected, and the placeholder validations.
 */
class ConditionExpressionConformanceTest {

    private static String table;
    private static final Map<String, AttributeValue> VALUES = item(
            ":ten", n("10"), ":nine", n("9"), ":tenStr", s("10"), ":five", n("5"), ":two", n("2"), ":three", n("3"),
            ":eleven", n("11"), ":one", n("1"), ":he", s("he"), ":wor", s("wor"), ":x", s("x"), ":a", s("a"),
            ":nope", s("nope"), ":i", s("i"), ":b12", b(1, 2), ":b13", b(1, 3), ":typeN", s("N"), ":typeS", s("S"),
            ":typeNULL", s("NULL"), ":typeSS", s("SS"), ":typeM", s("M"), ":typeL", s("L"), ":typeBOOL", s("BOOL"),
            ":active", s("active"), ":d", s("d"), ":true", bool(true), ":A", s("A"), ":zero", n("0"), ":bigN", n("100"));

    @BeforeAll
    static void seed() {
        table = hashTable("Conditions");
        ddb().putItem(b -> b.tableName(table).item(item("pk", s("it"), "s", s("hello world"), "n", n("10"),
                "bin", b(1, 2, 3), "flag", bool(true), "nothing", nul(), "ss", ss("a", "b"), "ns", ns("1", "2"),
                "l", l(s("x"), n("1"), m("k", s("v"))), "m", m("a", s("A"), "child", m("deep", n("5")), "arr", l(n("1"), n("2"))),
                "blank", s(""), "status", s("active"), "dotted.name", s("d"))));
    }

    /** Whether the condition holds on the stored item; uses only the placeholders the expression names. */
    private static boolean holds(String condition) {
        return holds(condition, Map.of());
    }

    private static boolean holds(String condition, Map<String, String> attributeNames) {
        Map<String, AttributeValue> used = new java.util.HashMap<>();
        VALUES.forEach((k, v) -> {
            if (condition.matches(".*" + java.util.regex.Pattern.quote(k) + "(?![A-Za-z0-9_]).*")) {
                used.put(k, v);
            }
        });
        try {
            ddb().updateItem(b -> b.tableName(table).key(item("pk", s("it"))).updateExpression("REMOVE neverThere")
                    .conditionExpression(condition).expressionAttributeValues(used.isEmpty() ? null : used)
                    .expressionAttributeNames(attributeNames.isEmpty() ? null : attributeNames));
            return true;
        } catch (ConditionalCheckFailedException e) {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
            return false;
        }
    }

    @Test
    void comparisonsOnNumbersAreNumeric() {
        assertThat(holds("n = :ten")).isTrue();
        assertThat(holds("n <> :ten")).isFalse();
        assertThat(holds("n > :nine")).isTrue();
        assertThat(holds("n >= :ten")).isTrue();
        assertThat(holds("n < :bigN")).isTrue();
        assertThat(holds("n <= :nine")).isFalse();
    }

    @Test
    void comparisonsOnStringsAndBinaryAreByteOrder() {
        assertThat(holds("s < :i")).isTrue();
        assertThat(holds("s > :he")).isTrue();
        assertThat(holds("bin > :b12")).isTrue();
        assertThat(holds("bin < :b13")).isTrue();
    }

    @Test
    void comparingDifferentTypesIsFalseNotAnError() {
        assertThat(holds("n = :tenStr")).isFalse();
        assertThat(holds("n < :tenStr")).isFalse();
        assertThat(holds("n <> :tenStr")).isTrue();
        assertThat(holds("NOT n < :tenStr")).isTrue();
        assertThat(holds("absent = :ten")).isFalse();
        assertThat(holds("absent <> :ten")).isTrue();
    }

    @Test
    void betweenAndIn() {
        assertThat(holds("n BETWEEN :nine AND :ten")).isTrue();
        assertThat(holds("n BETWEEN :one AND :nine")).isFalse();
        assertThat(holds("n IN (:nine, :ten)")).isTrue();
        assertThat(holds("n IN (:tenStr, :nine)")).isFalse();
        assertThat(holds("s IN (:he)")).isFalse();
    }

    @Test
    void attributeExistsAndNotExistsIncludingNestedPaths() {
        assertThat(holds("attribute_exists(s)")).isTrue();
        assertThat(holds("attribute_exists(absent)")).isFalse();
        assertThat(holds("attribute_not_exists(absent)")).isTrue();
        assertThat(holds("attribute_exists(m.child.deep)")).isTrue();
        assertThat(holds("attribute_exists(m.child.shallow)")).isFalse();
        assertThat(holds("attribute_exists(l[2].k)")).isTrue();
        assertThat(holds("attribute_exists(l[3])")).isFalse();
        assertThat(holds("attribute_exists(nothing)")).isTrue();
    }

    @Test
    void attributeTypeChecksTheStoredType() {
        assertThat(holds("attribute_type(n, :typeN)")).isTrue();
        assertThat(holds("attribute_type(n, :typeS)")).isFalse();
        assertThat(holds("attribute_type(nothing, :typeNULL)")).isTrue();
        assertThat(holds("attribute_type(ss, :typeSS)")).isTrue();
        assertThat(holds("attribute_type(m, :typeM)")).isTrue();
        assertThat(holds("attribute_type(l, :typeL)")).isTrue();
        assertThat(holds("attribute_type(flag, :typeBOOL)")).isTrue();
        assertThat(holds("attribute_type(absent, :typeS)")).isFalse();
    }

    @Test
    void beginsWithOnStringsAndBinary() {
        assertThat(holds("begins_with(s, :he)")).isTrue();
        assertThat(holds("begins_with(s, :wor)")).isFalse();
        assertThat(holds("begins_with(bin, :b12)")).isTrue();
        assertThat(holds("begins_with(n, :he)")).isFalse();
    }

    @Test
    void containsOnStringsSetsAndLists() {
        assertThat(holds("contains(s, :wor)")).isTrue();
        assertThat(holds("contains(ss, :a)")).isTrue();
        assertThat(holds("contains(ss, :x)")).isFalse();
        assertThat(holds("contains(ns, :one)")).isTrue();
        assertThat(holds("contains(l, :x)")).isTrue();
        assertThat(holds("contains(l, :one)")).isTrue();
        assertThat(holds("contains(n, :one)")).isFalse();
    }

    @Test
    void sizeOfEachType() {
        assertThat(holds("size(s) = :eleven")).isTrue();
        assertThat(holds("size(bin) = :three")).isTrue();
        assertThat(holds("size(ss) = :two")).isTrue();
        assertThat(holds("size(l) = :three")).isTrue();
        assertThat(holds("size(m) = :three")).isTrue();
        assertThat(holds("size(blank) = :zero")).isTrue();
        assertThat(holds("size(m.child) = :one")).isTrue();
        assertThat(holds("size(absent) >= :zero")).isFalse();
        assertThat(holds("size(s) > size(l)")).isTrue();
    }

    @Test
    void nestedPathsAndListIndexes() {
        assertThat(holds("m.child.deep = :five")).isTrue();
        assertThat(holds("m.arr[1] = :two")).isTrue();
        assertThat(holds("l[0] = :x")).isTrue();
        assertThat(holds("l[2].k = :x")).isFalse();
        assertThat(holds("m.a = :A")).isTrue();
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        // AND binds tighter than OR.
        assertThat(holds("n = :ten OR n = :nine AND s = :nope")).isTrue();
        assertThat(holds("(n = :ten OR n = :nine) AND s = :nope")).isFalse();
        // NOT binds tighter than AND.
        assertThat(holds("NOT n = :nine AND n = :nine")).isFalse();
        assertThat(holds("NOT (n = :nine AND n = :nine)")).isTrue();
        assertThat(holds("not n = :nine and n = :ten or s = :nope")).isTrue();
    }

    @Test
    void placeholdersForReservedWordsAndDottedNames() {
        assertThat(holds("#st = :active", names("#st", "status"))).isTrue();
        assertThat(holds("#dn = :d", names("#dn", "dotted.name"))).isTrue();
        assertThat(holds("#m.#a = :A", names("#m", "m", "#a", "a"))).isTrue();
        assertThat(holds("attribute_exists(#m.#a)", names("#m", "m", "#a", "a"))).isTrue();
    }

    private static void condition(String expression, Map<String, AttributeValue> values, Map<String, String> attributeNames) {
        ddb().updateItem(b -> b.tableName(table).key(item("pk", s("it"))).updateExpression("REMOVE neverThere")
                .conditionExpression(expression).expressionAttributeValues(values).expressionAttributeNames(attributeNames));
    }

    @Test
    void reservedWordsNeedPlaceholders() {
        assertValidation(() -> condition("status = :v", item(":v", s("x")), null),
                "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
    }

    @Test
    void undefinedPlaceholdersAreRejected() {
        assertValidation(() -> condition("a = :nope", null, null),
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope");
        assertValidation(() -> condition("#nope = :v", item(":v", s("x")), null),
                "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #nope");
    }

    @Test
    void unusedPlaceholdersAreRejected() {
        assertValidation(() -> condition("a = :v", item(":v", s("x"), ":spare", s("y")), null),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:spare}");
        assertValidation(() -> condition("a = :v", item(":v", s("x")), names("#spare", "y")),
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#spare}");
    }

    @Test
    void emptyPlaceholderMapsAreRejected() {
        assertValidation(() -> condition("attribute_exists(a)", Map.of(), null), "ExpressionAttributeValues must not be empty");
        assertValidation(() -> condition("attribute_exists(a)", null, Map.of()), "ExpressionAttributeNames must not be empty");
    }

    @Test
    void malformedPlaceholderKeysAreRejected() {
        assertValidation(() -> condition("attribute_exists(a)", item("b", s("x")), null),
                "ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"");
        assertValidation(() -> condition("attribute_exists(a)", null, names("a", "a")),
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
    }

    @Test
    void emptyConditionIsRejected() {
        assertValidation(() -> condition("", null, null), "Invalid ConditionExpression: The expression can not be empty;");
    }

    @Test
    void syntaxErrorsAreReported() {
        assertValidationStartingWith(() -> condition("a = = :v", item(":v", s("x")), null),
                "Invalid ConditionExpression: Syntax error; token: ");
        assertValidationStartingWith(() -> condition("a = :v AND", item(":v", s("x")), null),
                "Invalid ConditionExpression: Syntax error; token: \"<EOF>\"");
    }

    @Test
    void unknownFunctionsAreRejected() {
        assertValidation(() -> condition("no_such_fn(a)", null, null),
                "Invalid ConditionExpression: Invalid function name; function: no_such_fn");
    }

    @Test
    void sizeIsNotACondition() {
        assertValidation(() -> condition("size(a)", null, null),
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
    }

    @Test
    void attributeTypeNeedsAKnownTypeName() {
        assertValidationStartingWith(() -> condition("attribute_type(a, :t)", item(":t", s("XYZ")), null),
                "Invalid ConditionExpression: Invalid attribute type name found; type: XYZ, valid types: ");
    }

    @Test
    void beginsWithNeedsAStringOrBinaryOperand() {
        assertValidation(() -> condition("begins_with(a, :v)", item(":v", n("1")), null),
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
    }

    @Test
    void betweenBoundsMustBeOrdered() {
        assertValidationStartingWith(() -> condition("n BETWEEN :hi AND :lo", item(":hi", n("10"), ":lo", n("9")), null),
                "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound;");
    }

    @Test
    void expectedComparisonOperatorsWithConditionalOperator() {
        Map<String, ExpectedAttributeValue> expected = Map.of(
                "n", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.GT).attributeValueList(n("9")).build(),
                "s", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.BEGINS_WITH).attributeValueList(s("nope")).build());
        assertConditionFailed(() -> ddb().updateItem(b -> b.tableName(table).key(item("pk", s("it"))).expected(expected)));
        ddb().updateItem(b -> b.tableName(table).key(item("pk", s("it"))).expected(expected).conditionalOperator(ConditionalOperator.OR));
        ddb().updateItem(b -> b.tableName(table).key(item("pk", s("it"))).expected(Map.of(
                "ss", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.CONTAINS).attributeValueList(s("a")).build(),
                "missing", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NULL).build(),
                "n", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.BETWEEN).attributeValueList(n("1"), n("10")).build(),
                "l", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build())));
    }

    @Test
    void expectedExistsNeedsAValue() {
        assertValidation(() -> ddb().updateItem(b -> b.tableName(table).key(item("pk", s("it")))
                        .expected(Map.of("a", ExpectedAttributeValue.builder().exists(true).build()))),
                "One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a");
        assertValidation(() -> ddb().updateItem(b -> b.tableName(table).key(item("pk", s("it")))
                        .expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).value(s("x")).build()))),
                "One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: a");
    }

    @Test
    void conditionOnAMissingItemSeesNoAttributes() {
        List<String> conditions = List.of("attribute_not_exists(pk)", "attribute_not_exists(a)");
        for (String condition : conditions) {
            String key = uniqueName("fresh");
            ddb().updateItem(b -> b.tableName(table).key(item("pk", s(key))).updateExpression("SET a = :v")
                    .conditionExpression(condition).expressionAttributeValues(item(":v", s("1"))));
        }
        assertConditionFailed(() -> ddb().updateItem(b -> b.tableName(table).key(item("pk", s(uniqueName("fresh"))))
                .updateExpression("SET a = :v").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(item(":v", s("1")))));
    }
}
