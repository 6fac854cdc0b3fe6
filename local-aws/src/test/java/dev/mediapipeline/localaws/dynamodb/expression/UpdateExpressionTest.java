package dev.mediapipeline.localaws.dynamodb.expression;

import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.assertValidation;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.item;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.l;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.m;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.n;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.ns;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.s;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.ss;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** UpdateExpression: each clause, its semantics on items, and DynamoDB's errors. */
class UpdateExpressionTest {

    private static Map<String, Value> apply(String expression, Map<String, Value> item, Object... placeholdersAndValues) {
        return Expressions.update(expression, values(placeholdersAndValues)).apply(item);
    }

    @Test
    void setWritesTopLevelAndNestedPaths() {
        Map<String, Value> before = item("a", n("1"), "m", m("x", n("1")), "l", l(s("a"), s("b")));
        assertThat(apply("SET a = :v, m.y = :v, l[1] = :v", before, ":v", s("new")))
                .isEqualTo(item("a", s("new"), "m", m("x", n("1"), "y", s("new")), "l", l(s("a"), s("new"))));
        assertThat(before).isEqualTo(item("a", n("1"), "m", m("x", n("1")), "l", l(s("a"), s("b"))));
    }

    @Test
    void setPastTheEndOfAListAppends() {
        assertThat(apply("SET l[7] = :v", item("l", l(s("a"))), ":v", s("b"))).isEqualTo(item("l", l(s("a"), s("b"))));
    }

    @Test
    void setOperandsReadTheItemAsItWas() {
        assertThat(apply("SET a = b, b = a", item("a", n("1"), "b", n("2")))).isEqualTo(item("a", n("2"), "b", n("1")));
    }

    @Test
    void arithmeticOnNumbers() {
        Map<String, Value> item = item("n", n("10"));
        assertThat(apply("SET n = n + :d", item, ":d", n("2.5"))).isEqualTo(item("n", n("12.5")));
        assertThat(apply("SET n = :d - n", item, ":d", n("2"))).isEqualTo(item("n", n("-8")));
        assertThat(apply("SET c = (if_not_exists(c, :zero) + :one)", item, ":zero", n("0"), ":one", n("1")))
                .isEqualTo(item("n", n("10"), "c", n("1")));
    }

    @Test
    void ifNotExistsKeepsAnExistingValue() {
        assertThat(apply("SET n = if_not_exists(n, :v)", item("n", n("10")), ":v", n("0"))).isEqualTo(item("n", n("10")));
        assertThat(apply("SET n = if_not_exists(n, :v)", item(), ":v", n("0"))).isEqualTo(item("n", n("0")));
    }

    @Test
    void listAppendJoinsLists() {
        Map<String, Value> item = item("l", l(s("a")));
        assertThat(apply("SET l = list_append(l, :v)", item, ":v", l(s("b")))).isEqualTo(item("l", l(s("a"), s("b"))));
        assertThat(apply("SET l = list_append(:v, l)", item, ":v", l(s("b")))).isEqualTo(item("l", l(s("b"), s("a"))));
    }

    @Test
    void removeTopLevelNestedAndListElements() {
        Map<String, Value> item = item("a", n("1"), "m", m("x", n("1"), "y", n("2")), "l", l(s("0"), s("1"), s("2"), s("3")));
        assertThat(apply("REMOVE a, m.x, l[1], l[2]", item)).isEqualTo(item("m", m("y", n("2")), "l", l(s("0"), s("3"))));
        assertThat(apply("REMOVE nothing, m.nothing.deeper", item)).isEqualTo(item);
    }

    @Test
    void addToNumbersAndSets() {
        assertThat(apply("ADD n :v", item("n", n("1")), ":v", n("2"))).isEqualTo(item("n", n("3")));
        assertThat(apply("ADD n :v", item(), ":v", n("-2"))).isEqualTo(item("n", n("-2")));
        assertThat(apply("ADD s :v", item("s", ss("a")), ":v", ss("a", "b"))).isEqualTo(item("s", ss("a", "b")));
        assertThat(apply("ADD s :v", item(), ":v", ns("1"))).isEqualTo(item("s", ns("1")));
    }

    @Test
    void deleteFromSetsRemovesAnEmptiedAttribute() {
        assertThat(apply("DELETE s :v", item("s", ss("a", "b")), ":v", ss("a", "z"))).isEqualTo(item("s", ss("b")));
        assertThat(apply("DELETE s :v", item("s", ss("a"), "k", n("1")), ":v", ss("a"))).isEqualTo(item("k", n("1")));
        assertThat(apply("DELETE s :v", item("k", n("1")), ":v", ss("a"))).isEqualTo(item("k", n("1")));
    }

    @Test
    void clausesCombineInAnyOrder() {
        Map<String, Value> result = apply("remove r add c :one SET s = :s delete d :d",
                item("r", n("1"), "c", n("1"), "d", ss("x", "y")), ":one", n("1"), ":s", s("v"), ":d", ss("x"));
        assertThat(result).isEqualTo(item("c", n("2"), "d", ss("y"), "s", s("v")));
    }

    @Test
    void topLevelAttributesAndUpdatedPaths() {
        Update update = Expressions.update("SET a.b = :v, c = :v REMOVE l[0]", values(":v", n("1")));
        assertThat(update.topLevelAttributes()).containsExactly("a", "c", "l");
        Map<String, Value> after = update.apply(item("a", m("b", n("0"), "keep", n("9")), "l", l(s("x"), s("y")), "other", n("5")));
        assertThat(update.updatedPaths().apply(after)).isEqualTo(item("a", m("b", n("1")), "c", n("1"), "l", l(s("y"))));
    }

    @Test
    void eachSectionOnlyOnce() {
        assertValidation(() -> Expressions.update("SET a = :v SET b = :v", values(":v", n("1"))),
                "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        assertValidation(() -> Expressions.update("remove a REMOVE b", values()),
                "Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;");
    }

    @Test
    void overlappingAndConflictingPaths() {
        assertValidation(() -> Expressions.update("SET a = :v REMOVE a.b", values(":v", n("1"))),
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
                        + "path one: [a], path two: [a, b]");
        assertValidation(() -> Expressions.update("SET a.b = :v, a[1] = :v", values(":v", n("1"))),
                "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; "
                        + "path one: [a, b], path two: [a, [1]]");
    }

    @Test
    void invalidPathsForUpdate() {
        String message = "The document path provided in the update expression is invalid for update";
        assertValidation(() -> apply("SET m.x = :v", item(), ":v", n("1")), message);
        assertValidation(() -> apply("SET m.x = :v", item("m", l(n("1"))), ":v", n("1")), message);
        assertValidation(() -> apply("SET l[0] = :v", item("l", m("x", n("1"))), ":v", n("1")), message);
        assertValidation(() -> apply("ADD m.x.y :v", item("m", m()), ":v", n("1")), message);
    }

    @Test
    void operandsOfTheWrongTypeWhenApplied() {
        String message = "An operand in the update expression has an incorrect data type";
        assertValidation(() -> apply("SET n = n + :v", item("n", s("x")), ":v", n("1")), message);
        assertValidation(() -> apply("SET l = list_append(l, :v)", item("l", s("x")), ":v", l(n("1"))), message);
        assertValidation(() -> apply("ADD n :v", item("n", s("x")), ":v", n("1")), message);
        assertValidation(() -> apply("ADD s :v", item("s", ss("x")), ":v", ns("1")), message);
        assertValidation(() -> apply("DELETE s :v", item("s", n("1")), ":v", ns("1")), message);
    }

    @Test
    void computedNumbersStayWithinWhatDynamoDbStores() {
        assertValidation(() -> apply("SET n = n + :v", item("n", n("9E125")), ":v", n("9E125")),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertValidation(() -> apply("ADD n :v", item("n", n("1E30")), ":v", n("1E-10")),
                "Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void operandsThatNameNothing() {
        assertValidation(() -> apply("SET a = b", item()),
                "The provided expression refers to an attribute that does not exist in the item");
        assertValidation(() -> apply("SET a = b + :v", item(), ":v", n("1")),
                "The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void operandTypesCheckedWhenParsed() {
        assertValidation(() -> Expressions.update("ADD a :v", values(":v", s("x"))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING, "
                        + "typeSet: ALLOWED_FOR_ADD_OPERAND");
        assertValidation(() -> Expressions.update("DELETE a :v", values(":v", n("1"))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, "
                        + "typeSet: ALLOWED_FOR_DELETE_OPERAND");
        assertValidation(() -> Expressions.update("SET a = :v + :w", values(":v", s("x"), ":w", n("1"))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S");
        assertValidation(() -> Expressions.update("SET a = list_append(a, :v)", values(":v", n("1"))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: N");
    }

    @Test
    void functionErrors() {
        assertValidation(() -> Expressions.update("SET a = foo(a)", values()),
                "Invalid UpdateExpression: Invalid function name; function: foo");
        assertValidation(() -> Expressions.update("SET a = if_not_exists(a)", values()),
                "Invalid UpdateExpression: Incorrect number of operands for operator or function; "
                        + "operator or function: if_not_exists, number of operands: 1");
        assertValidation(() -> Expressions.update("SET a = if_not_exists(:v, a)", values(":v", n("1"))),
                "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists");
    }

    @Test
    void syntaxReservedWordsAndPlaceholders() {
        assertValidation(() -> Expressions.update("", values()), "Invalid UpdateExpression: The expression can not be empty;");
        assertValidation(() -> Expressions.update("SET path = VALUE 1", values()),
                "Invalid UpdateExpression: Syntax error; token: \"1\", near: \"VALUE 1\"");
        assertValidation(() -> Expressions.update("PUT a = :v", values()),
                "Invalid UpdateExpression: Syntax error; token: \"PUT\", near: \"PUT a\"");
        assertValidation(() -> Expressions.update("SET a = :v,", values(":v", n("1"))),
                "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        assertValidation(() -> Expressions.update("ADD a b", values()),
                "Invalid UpdateExpression: Syntax error; token: \"b\", near: \"a b\"");
        assertValidation(() -> Expressions.update("SET status = :v", values(":v", n("1"))),
                "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertValidation(() -> Expressions.update("SET #s = :v", values(":v", n("1"))),
                "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #s");
        assertValidation(() -> Expressions.update("SET a = :v", values()),
                "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v");
    }
}
