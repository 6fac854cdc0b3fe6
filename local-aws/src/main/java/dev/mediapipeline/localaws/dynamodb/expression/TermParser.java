package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the terms all expression kinds share: document paths ({@code a.#b[2].c}) and {@code :value}
 * placeholders, resolving placeholders through the context and noting reserved words and undefined
 * placeholders as problems.
 */
final class TermParser {

    private final TokenCursor cursor;
    private final ExpressionContext context;
    private final Problems problems;
    /** Words that end a path in this grammar (AND, SET, ...), so "a = AND" is a syntax error, not a path. */
    private final Set<String> keywords;

    TermParser(TokenCursor cursor, ExpressionContext context, Problems problems, Set<String> keywords) {
        this.cursor = cursor;
        this.context = context;
        this.problems = problems;
        this.keywords = keywords;
    }

    boolean atPath() {
        Token token = cursor.peek();
        return token.kind() == Token.Kind.NAME_PLACEHOLDER || token.kind() == Token.Kind.WORD && !isKeyword(token);
    }

    boolean isKeyword(Token token) {
        return token.kind() == Token.Kind.WORD && keywords.stream().anyMatch(token::isKeyword);
    }

    Path path() {
        List<Object> elements = new ArrayList<>();
        elements.add(name());
        while (true) {
            if (cursor.accept(".")) {
                elements.add(name());
            } else if (cursor.accept("[")) {
                Token index = cursor.expect(Token.Kind.INTEGER);
                elements.add(index(index));
                cursor.expect("]");
            } else {
                return new Path(elements);
            }
        }
    }

    /** The literal a {@code :value} token stands for, or {@link Operand#INVALID} when it is not supplied. */
    Operand value(Token placeholder) {
        Value value = context.value(placeholder.text());
        if (value == null) {
            problems.report(Problems.Kind.ATTRIBUTE_VALUE,
                    "An expression attribute value used in expression is not defined; attribute value: " + placeholder.text());
            return Operand.INVALID;
        }
        return new Operand.Literal(value);
    }

    private String name() {
        if (!atPath()) {
            throw cursor.syntaxError();
        }
        Token token = cursor.next();
        if (token.kind() == Token.Kind.WORD) {
            if (ReservedWords.isReserved(token.text())) {
                problems.report(Problems.Kind.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + token.text());
            }
            return token.text();
        }
        String resolved = context.name(token.text());
        if (resolved == null) {
            problems.report(Problems.Kind.ATTRIBUTE_NAME,
                    "An expression attribute name used in the document path is not defined; attribute name: " + token.text());
            return token.text();
        }
        return resolved;
    }

    private int index(Token token) {
        try {
            return Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
            throw cursor.syntaxError();
        }
    }
}
