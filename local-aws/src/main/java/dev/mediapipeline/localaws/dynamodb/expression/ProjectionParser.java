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
        checkClashes(paths, problems);
        problems.throwFirst(cursor);
        return new PathProjection(paths);
    }

    /** Each path against those before it, as DynamoDB reports the first clash it meets. */
    static void checkClashes(List<Path> paths, Problems problems) {
        for (int i = 1; i < paths.size(); i++) {
            for (int j = 0; j < i; j++) {
                Problems.Kind clash = Path.clash(paths.get(j), paths.get(i));
                if (clash != null) {
                    problems.report(clash, "Two document paths " + (clash == Problems.Kind.PATH_OVERLAP ? "overlap" : "conflict")
                            + " with each other; must remove or rewrite one of these paths; path one: " + paths.get(j)
                            + ", path two: " + paths.get(i));
                }
            }
        }
    }
}
