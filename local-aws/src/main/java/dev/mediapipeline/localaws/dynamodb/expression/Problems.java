package dev.mediapipeline.localaws.dynamodb.expression;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The semantic errors found while parsing one expression. DynamoDB reports one error per request, chosen
 * by kind in a fixed order rather than by position, so parsers note the first error of each kind and
 * raise the highest ranked once the whole expression is read.
 */
final class Problems {

    /** The kinds, each parser ranking them in its own order. */
    enum Kind {
        PARENS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, SECTION, ATTRIBUTE_NAME, ATTRIBUTE_VALUE,
        OPERAND_COUNT, DISTINCT, PATH_OVERLAP, PATH_CONFLICT, OPERAND_TYPE, FUNCTION
    }

    private final List<Kind> ranking;
    private final Map<Kind, String> first = new HashMap<>();

    Problems(List<Kind> ranking) {
        this.ranking = ranking;
    }

    void report(Kind kind, String message) {
        first.putIfAbsent(kind, message);
    }

    void throwFirst(TokenCursor cursor) {
        for (Kind kind : ranking) {
            if (first.containsKey(kind)) {
                throw cursor.error(first.get(kind));
            }
        }
    }
}
