package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A document path: attribute names ({@link String}) and list indexes ({@link Integer}), names resolved. */
record Path(List<Object> elements) {

    Path {
        elements = List.copyOf(elements);
    }

    static Path of(Object... elements) {
        return new Path(List.of(elements));
    }

    String head() {
        return (String) elements.get(0);
    }

    int length() {
        return elements.size();
    }

    Path parent() {
        return new Path(elements.subList(0, elements.size() - 1));
    }

    Object last() {
        return elements.get(elements.size() - 1);
    }

    /** The value at this path in an item, or null when any step is missing or of the wrong type. */
    Value resolve(Map<String, Value> item) {
        Value current = item.get(head());
        for (Object step : elements.subList(1, elements.size())) {
            current = Documents.child(current, step);
        }
        return current;
    }

    /**
     * Whether two paths of one projection or update expression touch the same document: one is a prefix
     * of the other (an overlap), or they use a name and an index at the same depth (a conflict); null if
     * neither.
     */
    private static Problems.Kind clash(Path one, Path two) {
        for (int i = 0; i < Math.min(one.length(), two.length()); i++) {
            Object a = one.elements.get(i);
            Object b = two.elements.get(i);
            if (a.getClass() != b.getClass()) {
                return Problems.Kind.PATH_CONFLICT;
            }
            if (!a.equals(b)) {
                return null;
            }
        }
        return Problems.Kind.PATH_OVERLAP;
    }

    /** Each path against those before it, as DynamoDB reports the first clash it meets. */
    static void reportClashes(List<Path> paths, Problems problems) {
        for (int i = 1; i < paths.size(); i++) {
            for (int j = 0; j < i; j++) {
                Problems.Kind clash = clash(paths.get(j), paths.get(i));
                if (clash != null) {
                    problems.report(clash, "Two document paths " + (clash == Problems.Kind.PATH_OVERLAP ? "overlap" : "conflict")
                            + " with each other; must remove or rewrite one of these paths; path one: " + paths.get(j)
                            + ", path two: " + paths.get(i));
                }
            }
        }
    }

    /** DynamoDB's rendering in messages: {@code [a, b, [0]]}. */
    @Override
    public String toString() {
        return elements.stream().map(e -> e instanceof Integer ? "[" + e + "]" : (String) e)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
