package dev.mediapipeline.localaws.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; it never fails, an unknown character becomes a token the parser rejects. */
final class Lexer {

    private static final List<String> TWO_CHAR_SYMBOLS = List.of("<>", "<=", ">=");

    private Lexer() {
    }

    static List<Token> tokens(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            int end;
            Token.Kind kind;
            if (isWordStart(c)) {
                kind = Token.Kind.WORD;
                end = wordEnd(source, i + 1);
            } else if (c == '#' || c == ':') {
                kind = c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER;
                end = wordEnd(source, i + 1);
            } else if (isDigit(c)) {
                kind = Token.Kind.INTEGER;
                end = i + 1;
                while (end < source.length() && isDigit(source.charAt(end))) {
                    end++;
                }
            } else {
                kind = Token.Kind.SYMBOL;
                end = i + 2 <= source.length() && TWO_CHAR_SYMBOLS.contains(source.substring(i, i + 2)) ? i + 2
                        : i + Character.charCount(source.codePointAt(i));
            }
            tokens.add(new Token(kind, source.substring(i, end), i, end));
            i = end;
        }
        tokens.add(new Token(Token.Kind.EOF, "<EOF>", source.length(), source.length()));
        return tokens;
    }

    private static int wordEnd(String source, int from) {
        int end = from;
        while (end < source.length() && (isWordStart(source.charAt(end)) || isDigit(source.charAt(end)))) {
            end++;
        }
        return end;
    }

    private static boolean isWordStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
