package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** UpdateExpression: SET, REMOVE, ADD and DELETE sections, each at most once, in any order. */
final class UpdateParser {

    private static final Map<String, String> TYPE_WORDS = Map.of("S", "STRING", "N", "NUMBER", "B", "BINARY",
            "NULL", "NULL", "BOOL", "BOOLEAN", "L", "LIST", "M", "MAP");

    private final TokenCursor cursor;
    private final Problems problems = new Problems(List.of(Problems.Kind.RESERVED, Problems.Kind.UNKNOWN_FUNCTION,
            Problems.Kind.SECTION, Problems.Kind.ATTRIBUTE_NAME, Problems.Kind.ATTRIBUTE_VALUE,
            Problems.Kind.PATH_OVERLAP, Problems.Kind.PATH_CONFLICT, Problems.Kind.OPERAND_TYPE, Problems.Kind.FUNCTION));
    private final TermParser terms;
    private final List<UpdateAction> actions = new ArrayList<>();

    private UpdateParser(String text, ExpressionContext context) {
        this.cursor = new TokenCursor(text, "UpdateExpression");
        this.terms = new TermParser(cursor, context, problems, Set.of("SET", "REMOVE", "ADD", "DELETE"));
    }

    static ParsedUpdate parse(String text, ExpressionContext context) {
        UpdateParser parser = new UpdateParser(text, context);
        if (text.isEmpty()) {
            throw parser.cursor.error("The expression can not be empty;");
        }
        parser.sections();
        Path.reportClashes(parser.actions.stream().map(UpdateAction::path).toList(), parser.problems);
        parser.problems.throwFirst(parser.cursor);
        return new ParsedUpdate(parser.actions, Operand.incorrectType());
    }

    private void sections() {
        Set<String> seen = new HashSet<>();
        do {
            Token keyword = cursor.peek();
            if (!terms.isKeyword(keyword)) {
                throw cursor.syntaxError();
            }
            cursor.next();
            String section = keyword.text().toUpperCase(Locale.ROOT);
            do {
                actions.add(action(section));
            } while (cursor.accept(","));
            if (!seen.add(section)) {
                problems.report(Problems.Kind.SECTION, "The \"" + section + "\" section can only be used once in an update expression;");
            }
        } while (cursor.peek().kind() != Token.Kind.EOF);
    }

    private UpdateAction action(String section) {
        Path path = terms.path();
        return switch (section) {
            case "SET" -> {
                cursor.expect("=");
                yield new UpdateAction.Assign(path, sum());
            }
            case "REMOVE" -> new UpdateAction.Remove(path);
            case "ADD" -> new UpdateAction.Add(path, setOrNumber(section, true));
            default -> new UpdateAction.Delete(path, setOrNumber(section, false));
        };
    }

    /** The value of an ADD or DELETE: a placeholder for a set (or, for ADD, a number). */
    private Value setOrNumber(String section, boolean numbersAllowed) {
        Operand operand = terms.value(cursor.expect(Token.Kind.VALUE_PLACEHOLDER));
        Value.Type type = operand.staticType();
        if (operand != Operand.INVALID && !type.isSet() && !(numbersAllowed && type == Value.Type.N)) {
            problems.report(Problems.Kind.OPERAND_TYPE, "Incorrect operand type for operator or function; operator: "
                    + section + ", operand type: " + typeWord(type) + ", typeSet: ALLOWED_FOR_" + section + "_OPERAND");
        }
        return ((Operand.Literal) operand).value();
    }

    /** {@code x}, {@code x + y} or {@code x - y}, where each side may be in parentheses. */
    private Operand sum() {
        Operand left = parenthesised();
        for (String operator : List.of("+", "-")) {
            if (cursor.accept(operator)) {
                Operand right = parenthesised();
                requireLiteralType(operator, List.of(left, right), Value.Type.N);
                return new Operand.Arithmetic(operator.charAt(0), left, right);
            }
        }
        return left;
    }

    private Operand parenthesised() {
        if (cursor.accept("(")) {
            Operand inner = sum();
            cursor.expect(")");
            return inner;
        }
        return operand();
    }

    private Operand operand() {
        Token token = cursor.peek();
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            return terms.value(cursor.next());
        }
        if (token.kind() == Token.Kind.WORD && !terms.isKeyword(token) && cursor.peek(1).is("(")) {
            cursor.next();
            cursor.next();
            List<Operand> arguments = new ArrayList<>();
            do {
                arguments.add(parenthesised());
            } while (cursor.accept(","));
            cursor.expect(")");
            return function(token.text(), arguments);
        }
        return new Operand.Attribute(terms.path());
    }

    private Operand function(String name, List<Operand> arguments) {
        if (!name.equals("if_not_exists") && !name.equals("list_append")) {
            problems.report(Problems.Kind.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            return Operand.INVALID;
        }
        if (arguments.size() != 2) {
            problems.report(Problems.Kind.FUNCTION, "Incorrect number of operands for operator or function; "
                    + "operator or function: " + name + ", number of operands: " + arguments.size());
            return Operand.INVALID;
        }
        if (name.equals("list_append")) {
            requireLiteralType(name, arguments, Value.Type.L);
            return new Operand.ListAppend(arguments.get(0), arguments.get(1));
        }
        if (!(arguments.get(0) instanceof Operand.Attribute attribute)) {
            problems.report(Problems.Kind.FUNCTION, "Operator or function requires a document path; operator or function: " + name);
            return Operand.INVALID;
        }
        return new Operand.IfNotExists(attribute.path(), arguments.get(1));
    }

    private void requireLiteralType(String function, List<Operand> arguments, Value.Type wanted) {
        for (Operand argument : arguments) {
            if (argument instanceof Operand.Literal && argument != Operand.INVALID && argument.staticType() != wanted) {
                problems.report(Problems.Kind.FUNCTION, "Incorrect operand type for operator or function; "
                        + "operator or function: " + function + ", operand type: " + argument.staticType());
            }
        }
    }

    /**
     * ADD and DELETE errors spell scalar and document types out (STRING, LIST), sets keep their codes;
     * the arithmetic and function errors name every type by its code (S, L).
     */
    private static String typeWord(Value.Type type) {
        return TYPE_WORDS.getOrDefault(type.name(), type.name());
    }

}
