package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and rewriting nested documents by path; items and values stay immutable, writes copy. */
final class Documents {

    private Documents() {
    }

    /** The member of a map (name step) or list (index step), or null when missing or of another type. */
    static Value child(Value document, Object step) {
        if (document == null) {
            return null;
        }
        if (step instanceof String name) {
            return document.type() == Value.Type.M ? document.asM().get(name) : null;
        }
        int index = (Integer) step;
        return document.type() == Value.Type.L && index < document.asL().size() ? document.asL().get(index) : null;
    }

    /**
     * The item with {@code value} at {@code path}. A list index past the end appends, as DynamoDB does.
     *
     * @throws DynamoDbException when the path's parent is missing or is not a map (name) or list (index)
     */
    static Map<String, Value> with(Map<String, Value> item, Path path, Value value) {
        Map<String, Value> copy = new LinkedHashMap<>(item);
        if (path.length() == 1) {
            copy.put(path.head(), value);
        } else {
            copy.put(path.head(), rewrite(item.get(path.head()), path.elements().subList(1, path.length()), value));
        }
        return copy;
    }

    /** The item without the value at {@code path}; a path that leads nowhere leaves the item as it is. */
    static Map<String, Value> without(Map<String, Value> item, Path path) {
        if (path.length() == 1) {
            Map<String, Value> copy = new LinkedHashMap<>(item);
            copy.remove(path.head());
            return copy;
        }
        if (path.resolve(item) == null) {
            return item;
        }
        Map<String, Value> copy = new LinkedHashMap<>(item);
        copy.put(path.head(), rewrite(item.get(path.head()), path.elements().subList(1, path.length()), null));
        return copy;
    }

    static DynamoDbException invalidPath() {
        return DynamoDbException.validation("The document path provided in the update expression is invalid for update");
    }

    /** {@code document} with {@code value} (null: nothing) at the relative path {@code steps}. */
    private static Value rewrite(Value document, List<Object> steps, Value value) {
        Object step = steps.get(0);
        List<Object> rest = steps.subList(1, steps.size());
        if (step instanceof String name) {
            if (document == null || document.type() != Value.Type.M) {
                throw invalidPath();
            }
            Map<String, Value> members = new LinkedHashMap<>(document.asM());
            Value replacement = rest.isEmpty() ? value : rewrite(members.get(name), rest, value);
            if (replacement == null) {
                members.remove(name);
            } else {
                members.put(name, replacement);
            }
            return Value.m(members);
        }
        if (document == null || document.type() != Value.Type.L) {
            throw invalidPath();
        }
        int index = (Integer) step;
        List<Value> members = new ArrayList<>(document.asL());
        Value existing = index < members.size() ? members.get(index) : null;
        Value replacement = rest.isEmpty() ? value : rewrite(existing, rest, value);
        if (replacement == null) {
            members.remove(index);
        } else if (existing == null) {
            members.add(replacement);
        } else {
            members.set(index, replacement);
        }
        return Value.l(members);
    }
}
