package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A projection of document paths. Nested paths keep their enclosing documents, and list elements keep
 * their order but not their positions: {@code a[1]} of {@code [x, y, z]} gives {@code [y]}, as DynamoDB
 * returns it. The paths are merged into a tree first, so {@code a.b, a.c} give one map with both.
 */
final class PathProjection implements Projection {

    /** Children by name (maps) or by index (lists); an empty node takes the whole value. */
    private static final class Node {
        final Map<String, Node> names = new LinkedHashMap<>();
        final Map<Integer, Node> indexes = new TreeMap<>();

        boolean isLeaf() {
            return names.isEmpty() && indexes.isEmpty();
        }
    }

    private final Node root = new Node();

    PathProjection(List<Path> paths) {
        for (Path path : paths) {
            Node node = root;
            for (Object step : path.elements()) {
                node = step instanceof String name ? node.names.computeIfAbsent(name, n -> new Node())
                        : node.indexes.computeIfAbsent((Integer) step, i -> new Node());
            }
        }
    }

    @Override
    public Map<String, Value> apply(Map<String, Value> item) {
        Map<String, Value> result = new LinkedHashMap<>();
        root.names.forEach((name, node) -> {
            Value projected = project(item.get(name), node);
            if (projected != null) {
                result.put(name, projected);
            }
        });
        return Collections.unmodifiableMap(result);
    }

    private static Value project(Value value, Node node) {
        if (value == null || node.isLeaf()) {
            return value;
        }
        if (!node.names.isEmpty() && value.type() == Value.Type.M) {
            Map<String, Value> members = new LinkedHashMap<>();
            node.names.forEach((name, child) -> {
                Value projected = project(value.asM().get(name), child);
                if (projected != null) {
                    members.put(name, projected);
                }
            });
            return members.isEmpty() ? null : Value.m(members);
        }
        if (!node.indexes.isEmpty() && value.type() == Value.Type.L) {
            List<Value> elements = new ArrayList<>();
            node.indexes.forEach((index, child) -> {
                Value projected = index < value.asL().size() ? project(value.asL().get(index), child) : null;
                if (projected != null) {
                    elements.add(projected);
                }
            });
            return elements.isEmpty() ? null : Value.l(elements);
        }
        return null;
    }
}
