package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.List;

/**
 * The parsers' view of an expression: its tokens, a position that can be saved and restored (the
 * condition grammar needs one token of backtracking around parentheses), and DynamoDB's error texts, which
 * name the request parameter the expression came from ({@code label}, e.g. "ConditionExpression").
 */
final class TokenCursor {

    private final String source;
    private final String label;
    private final List<Token> tokens;
    private int position;

    /** DynamoDB's limit on the length of each expression, in UTF-8 bytes. */
    private static final int MAX_BYTES = 4096;

    TokenCursor(String source, String label) {
        this.source = source;
        this.label = label;
        if (Value.utf8Length(source) > MAX_BYTES) {
            throw error("Expression size has exceeded the maximum allowed size");
        }
        this.tokens = Lexer.tokens(source);
    }

    Token peek() {
        return tokens.get(position);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    Token next() {
        Token token = peek();
        if (token.kind() != Token.Kind.EOF) {
            position++;
        }
        return token;
    }

    boolean accept(String symbol) {
        if (peek().is(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    void expect(String symbol) {
        if (!accept(symbol)) {
            throw syntaxError();
        }
    }

    Token expect(Token.Kind kind) {
        if (peek().kind() != kind) {
            throw syntaxError();
        }
        return next();
    }

    void expectEnd() {
        if (peek().kind() != Token.Kind.EOF) {
            throw syntaxError();
        }
    }

    int mark() {
        return position;
    }

    void reset(int mark) {
        position = mark;
    }

    /**
     * DynamoDB quotes the offending token and, as "near", the source from the token before it to the end
     * of the token after it.
     */
    DynamoDbException syntaxError() {
        Token token = peek();
        int nearStart = position > 0 ? tokens.get(position - 1).start() : token.start();
        int nearEnd = token.kind() == Token.Kind.EOF ? token.end() : peek(1).end();
        String near = source.substring(nearStart, nearEnd);
        return error("Syntax error; token: \"" + token.text() + "\", near: \"" + near + "\"");
    }

    DynamoDbException error(String message) {
        return DynamoDbException.validation("Invalid " + label + ": " + message);
    }
}
