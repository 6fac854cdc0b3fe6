package dev.mediapipeline.localaws.dynamodb.expression;

/** One lexical token of an expression; {@code start} and {@code end} are offsets into the source. */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        /** An identifier: attribute name, function name or keyword. */
        WORD,
        /** {@code #name}. */
        NAME_PLACEHOLDER,
        /** {@code :value}. */
        VALUE_PLACEHOLDER,
        /** Digits, as in a list index. */
        INTEGER,
        /** Punctuation and operators; also any character the language does not know, so the parser reports it. */
        SYMBOL,
        EOF
    }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** Keywords (AND, SET, ...) are case-insensitive. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }
}
