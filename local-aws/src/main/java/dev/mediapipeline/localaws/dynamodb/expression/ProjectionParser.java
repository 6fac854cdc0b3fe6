package dev.mediapipeline.localaws.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** ProjectionExpression: document paths separated by commas, none overlapping another. */
final class ProjectionParser {

    private ProjectionParser() {
    }

    static PathProjection parse(String text, ExpressionContext context) {
        TokenCursor cursor = new TokenCursor(text, "ProjectionExpression");
        if (text.isEmpty()) {
            throw cursor.error("The expression can not be empty;");
        }
        Problems problems = new Problems(List.of(Problems.Kind.RESERVED, Problems.Kind.ATTRIBUTE_NAME,
                Problems.Kind.PATH_OVERLAP, Problems.Kind.PATH_CONFLICT));
        TermParser parser = new TermParser(cursor, context, problems, Set.of());
        List<Path> paths = new ArrayList<>();
        do {
            paths.add(parser.path());
        } while (cursor.accept(","));
        cursor.expectEnd();
        Path.reportClashes(paths, problems);
        problems.throwFirst(cursor);
        return new PathProjection(paths);
    }
}
