package dev.mediapipeline.localaws.dynamodb.expression;

import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.assertValidation;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.item;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.l;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.m;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.n;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.s;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The condition grammar: structure, precedence, paths, placeholders and DynamoDB's parse errors. */
class ConditionParserTest {

    private static Cond parse(String text, ExpressionContext context) {
        return ConditionParser.parse(text, context, "ConditionExpression");
    }

    private static Operand.Attribute attribute(Object... path) {
        return new Operand.Attribute(Path.of(path));
    }

    @Test
    void andBindsTighterThanOr() {
        Cond parsed = parse("a = :v OR b = :v AND c = :v", values(":v", n("1")));
        Cond.Compare a = new Cond.Compare("=", attribute("a"), new Operand.Literal(n("1")));
        Cond.Compare b = new Cond.Compare("=", attribute("b"), new Operand.Literal(n("1")));
        Cond.Compare c = new Cond.Compare("=", attribute("c"), new Operand.Literal(n("1")));
        assertThat(parsed).isEqualTo(new Cond.Or(a, new Cond.And(b, c)));
    }

    @Test
    void notBindsTighterThanAnd() {
        Cond parsed = parse("NOT a = :v AND b = :v", values(":v", n("1")));
        assertThat(parsed).isEqualTo(new Cond.And(
                new Cond.Not(new Cond.Compare("=", attribute("a"), new Operand.Literal(n("1")))),
                new Cond.Compare("=", attribute("b"), new Operand.Literal(n("1")))));
    }

    @Test
    void parenthesesRegroup() {
        Cond parsed = parse("(a = :v OR b = :v) AND c = :v", values(":v", n("1")));
        assertThat(parsed).isInstanceOf(Cond.And.class);
        assertThat(((Cond.And) parsed).left()).isInstanceOf(Cond.Or.class);
    }

    @Test
    void keywordsAreCaseInsensitive() {
        Cond parsed = parse("a between :lo and :hi or not attribute_exists(b)", values(":lo", n("1"), ":hi", n("2")));
        assertThat(parsed).isEqualTo(new Cond.Or(
                new Cond.Between(attribute("a"), new Operand.Literal(n("1")), new Operand.Literal(n("2"))),
                new Cond.Not(new Cond.Exists(Path.of("b"), true))));
    }

    @Test
    void aParenthesisedOperandIsNotTakenForAGroup() {
        Cond parsed = parse("(a) = :v", values(":v", n("1")));
        assertThat(parsed).isEqualTo(new Cond.Compare("=", attribute("a"), new Operand.Literal(n("1"))));
    }

    @Test
    void pathsWithNestedNamesIndexesAndPlaceholders() {
        Map<String, String> names = Map.of("#n", "na.me");
        Cond parsed = parse("a.#n[2][0].c = :v", new ExpressionContext(names, Map.of(":v", s("x"))));
        assertThat(parsed).isEqualTo(new Cond.Compare("=", attribute("a", "na.me", 2, 0, "c"), new Operand.Literal(s("x"))));
        Map<String, Value> item = item("a", m("na.me", l(s("0"), s("1"), l(m("c", s("x"))))));
        assertThat(parsed.test(item)).isTrue();
    }

    @Test
    void inTakesAListOfOperands() {
        Cond parsed = parse("a IN (:x, :y, b)", values(":x", n("1"), ":y", n("2")));
        assertThat(parsed).isEqualTo(new Cond.In(attribute("a"),
                List.of(new Operand.Literal(n("1")), new Operand.Literal(n("2")), attribute("b"))));
    }

    @Test
    void sizeIsAnOperand() {
        Cond parsed = parse("size(a) > :v", values(":v", n("1")));
        assertThat(parsed).isEqualTo(new Cond.Compare(">", new Operand.Size(attribute("a"), "ConditionExpression"), new Operand.Literal(n("1"))));
    }

    @Test
    void inAcceptsAHundredOperandsButNotMore() {
        Map<String, Value> hundred = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            hundred.put(":v" + i, n(String.valueOf(i)));
        }
        String operands = String.join(", ", hundred.keySet());
        assertValidation(() -> parse("a IN (" + operands + ")", new ExpressionContext(null, hundred)),
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; "
                        + "operator or function: IN, number of operands: 101");
        String first100 = operands.substring(0, operands.lastIndexOf(", "));
        assertThat(parse("a IN (" + first100 + ")", new ExpressionContext(null, hundred))).isInstanceOf(Cond.In.class);
    }

    @Test
    void emptyExpression() {
        assertValidation(() -> parse("", values()), "Invalid ConditionExpression: The expression can not be empty;");
        assertValidation(() -> Expressions.filter("", values()), "Invalid FilterExpression: The expression can not be empty;");
    }

    /** "near" runs from the token before the offending one to the end of the token after it. */
    @Test
    void syntaxErrorsQuoteTheTokenAndItsNeighbours() {
        assertValidation(() -> parse("foo", values()), "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"foo\"");
        assertValidation(() -> parse("a = :v b", values(":v", n("1"))),
                "Invalid ConditionExpression: Syntax error; token: \"b\", near: \":v b\"");
        assertValidation(() -> parse("a == :v", values(":v", n("1"))),
                "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== :v\"");
        assertValidation(() -> parse("a = !", values()), "Invalid ConditionExpression: Syntax error; token: \"!\", near: \"= !\"");
        assertValidation(() -> parse("= a", values()), "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= a\"");
        assertValidation(() -> parse("a = and", values()), "Invalid ConditionExpression: Syntax error; token: \"and\", near: \"= and\"");
        assertValidation(() -> Expressions.filter("a <", values()), "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"<\"");
        assertValidation(() -> parse("attribute_type()", values()),
                "Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"");
        assertValidation(() -> parse("a IN (:v, 0)", values(":v", n("1"))),
                "Invalid ConditionExpression: Syntax error; token: \"0\", near: \", 0)\"");
    }

    @Test
    void reservedWordsMustBePlaceholders() {
        assertValidation(() -> parse("status = :v", values(":v", s("x"))),
                "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertValidation(() -> parse("a.Size = :v", values(":v", s("x"))),
                "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Size");
        assertThat(parse("#s = :v", new ExpressionContext(Map.of("#s", "status"), Map.of(":v", s("x"))))
                .test(item("status", s("x")))).isTrue();
    }

    @Test
    void undefinedPlaceholders() {
        assertValidation(() -> parse("a = :v", values()),
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v");
        assertValidation(() -> parse("#a = :v", values(":v", n("1"))),
                "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #a");
    }

    @Test
    void redundantParentheses() {
        assertValidation(() -> parse("((a = :v))", values(":v", n("1"))),
                "Invalid ConditionExpression: The expression has redundant parentheses;");
        assertValidation(() -> parse("((a)) = :v", values(":v", n("1"))),
                "Invalid ConditionExpression: The expression has redundant parentheses;");
    }

    @Test
    void functionErrors() {
        assertValidation(() -> parse("foo(a)", values()), "Invalid ConditionExpression: Invalid function name; function: foo");
        assertValidation(() -> parse("attribute_exists(a, b)", values()),
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; "
                        + "operator or function: attribute_exists, number of operands: 2");
        assertValidation(() -> parse("attribute_exists(:v)", values(":v", n("1"))),
                "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists");
        assertValidation(() -> parse("begins_with(a, :v)", values(":v", n("1"))),
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        assertValidation(() -> parse("size(:v) > :v", values(":v", n("1"))),
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N");
        assertValidation(() -> parse("attribute_type(a, :v)", values(":v", n("1"))),
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N");
        assertValidation(() -> parse("attribute_type(a, :v)", values(":v", s("STRING"))),
                "Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    }

    @Test
    void functionsUsedWhereTheyDoNotFit() {
        assertValidation(() -> parse("size(a)", values()),
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
        assertValidation(() -> parse("attribute_exists(a) = :v", values(":v", Value.TRUE)),
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists");
        assertValidation(() -> parse("size(contains(a, :v)) > :v", values(":v", n("1"))),
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: contains");
    }

    @Test
    void theSamePathOnBothSides() {
        assertValidation(() -> parse("a.b = a.b", values()),
                "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this "
                        + "operator or function; operator: =, first operand: [a, b]");
        assertValidation(() -> parse("begins_with(a[1], a[1])", values()),
                "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this "
                        + "operator or function; operator: begins_with, first operand: [a, [1]]");
    }

    @Test
    void betweenBoundsOfOneTypeInOrder() {
        assertValidation(() -> parse("a BETWEEN :hi AND :lo", values(":lo", n("1"), ":hi", n("5"))),
                "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + "lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}");
        assertValidation(() -> parse("a BETWEEN :lo AND :hi", values(":lo", n("1"), ":hi", s("z"))),
                "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
                        + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:z}");
    }

    @Test
    void errorsAreRankedByKindNotPosition() {
        // A reserved word ranks above an undefined value, wherever each appears.
        assertValidation(() -> parse("a = :nope AND status = :v", values(":v", n("1"))),
                "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
        // An unknown function ranks above a reserved word.
        assertValidation(() -> parse("status = :v AND foo(a)", values(":v", n("1"))),
                "Invalid ConditionExpression: Invalid function name; function: foo");
    }
}
