package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The condition grammar (ConditionExpression, FilterExpression, KeyConditionExpression): OR binds
 * loosest, then AND, then NOT, then the comparisons, BETWEEN, IN and the functions.
 */
final class ConditionParser {

    private static final List<String> COMPARATORS = List.of("=", "<>", "<", "<=", ">", ">=");
    private static final int MAX_IN_OPERANDS = 100;

    private final TokenCursor cursor;
    private final Problems problems = new Problems(List.of(Problems.Kind.PARENS, Problems.Kind.UNKNOWN_FUNCTION,
            Problems.Kind.MISUSED_FUNCTION, Problems.Kind.RESERVED, Problems.Kind.ATTRIBUTE_NAME,
            Problems.Kind.ATTRIBUTE_VALUE, Problems.Kind.OPERAND_COUNT, Problems.Kind.DISTINCT, Problems.Kind.FUNCTION));
    private final TermParser terms;
    private final ConditionFunctions functions;
    /** What came out of a parenthesised group, so a group directly inside another is reported as redundant. */
    private final Set<Object> groups = Collections.newSetFromMap(new IdentityHashMap<>());

    private ConditionParser(String text, ExpressionContext context, String label) {
        this.cursor = new TokenCursor(text, label);
        this.terms = new TermParser(cursor, context, problems, Set.of("AND", "OR", "NOT", "BETWEEN", "IN"));
        this.functions = new ConditionFunctions(problems, label);
    }

    /** @param label the request parameter, e.g. "ConditionExpression", named in error messages */
    static Cond parse(String text, ExpressionContext context, String label) {
        ConditionParser parser = new ConditionParser(text, context, label);
        if (text.isEmpty()) {
            throw parser.cursor.error("The expression can not be empty;");
        }
        Cond condition = parser.or();
        parser.cursor.expectEnd();
        parser.problems.throwFirst(parser.cursor);
        return condition;
    }

    private Cond or() {
        Cond left = and();
        while (cursor.acceptKeyword("OR")) {
            left = new Cond.Or(left, and());
        }
        return left;
    }

    private Cond and() {
        Cond left = not();
        while (cursor.acceptKeyword("AND")) {
            left = new Cond.And(left, not());
        }
        return left;
    }

    private Cond not() {
        if (cursor.acceptKeyword("NOT")) {
            return new Cond.Not(not());
        }
        return primary();
    }

    private Cond primary() {
        if (cursor.peek().is("(")) {
            Cond group = group();
            if (group != null) {
                return group;
            }
        }
        return comparison();
    }

    /**
     * A parenthesised condition, or null when the parenthesis opens an operand instead, as in
     * {@code (a) = :v}: then the caller reads the comparison from the same place.
     */
    private Cond group() {
        int mark = cursor.mark();
        try {
            cursor.expect("(");
            Cond inner = or();
            cursor.expect(")");
            if (!atComparisonOperator()) {
                noteGroup(inner);
                return inner;
            }
        } catch (DynamoDbException notACondition) {
            // Not a condition in parentheses: fall back to an operand in parentheses.
        }
        cursor.reset(mark);
        return null;
    }

    private boolean atComparisonOperator() {
        Token token = cursor.peek();
        return COMPARATORS.stream().anyMatch(token::is) || token.isKeyword("BETWEEN") || token.isKeyword("IN");
    }

    private Cond comparison() {
        Object left = term();
        Token token = cursor.peek();
        if (COMPARATORS.stream().anyMatch(token::is)) {
            cursor.next();
            Object right = term();
            Operand a = operand(left);
            Operand b = operand(right);
            functions.checkDistinct(token.text(), a, b);
            return new Cond.Compare(token.text(), a, b);
        }
        if (cursor.acceptKeyword("BETWEEN")) {
            Object low = term();
            if (!cursor.acceptKeyword("AND")) {
                throw cursor.syntaxError();
            }
            Object high = term();
            Operand lowOperand = operand(low);
            Operand highOperand = operand(high);
            functions.checkBetweenBounds(lowOperand, highOperand);
            return new Cond.Between(operand(left), lowOperand, highOperand);
        }
        if (cursor.acceptKeyword("IN")) {
            cursor.expect("(");
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operand(term()));
            } while (cursor.accept(","));
            cursor.expect(")");
            if (candidates.size() > MAX_IN_OPERANDS) {
                problems.report(Problems.Kind.OPERAND_COUNT, "Incorrect number of operands for operator or function; "
                        + "operator or function: IN, number of operands: " + candidates.size());
            }
            return new Cond.In(operand(left), candidates);
        }
        if (left instanceof Cond function) {
            return function;
        }
        if (left instanceof Operand.Size) {
            functions.misused("size");
            return new Cond.Compare("=", Operand.INVALID, Operand.INVALID);
        }
        throw cursor.syntaxError();
    }

    /** An operand, or a function call: an {@link Operand} (size) or a {@link Cond} (the boolean functions). */
    private Object term() {
        Token token = cursor.peek();
        if (token.is("(")) {
            cursor.next();
            Object inner = term();
            cursor.expect(")");
            noteGroup(inner);
            return inner;
        }
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            cursor.next();
            return terms.value(token);
        }
        if (token.kind() == Token.Kind.WORD && !terms.isKeyword(token) && cursor.peek(1).is("(")) {
            cursor.next();
            cursor.next();
            List<Object> arguments = new ArrayList<>();
            do {
                arguments.add(term());
            } while (cursor.accept(","));
            cursor.expect(")");
            return functions.call(token.text(), arguments);
        }
        if (terms.atPath()) {
            return new Operand.Attribute(terms.path());
        }
        throw cursor.syntaxError();
    }

    private Operand operand(Object term) {
        return functions.operand(term);
    }

    private void noteGroup(Object parsed) {
        if (!groups.add(parsed)) {
            problems.report(Problems.Kind.PARENS, "The expression has redundant parentheses;");
        }
    }
}
