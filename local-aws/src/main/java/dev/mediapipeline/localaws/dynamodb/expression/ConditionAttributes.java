package dev.mediapipeline.localaws.dynamodb.expression;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The top-level attributes a parsed condition reads: the first name of each of its document paths.
 * Conditions and their operands are records, so this walks their components.
 */
public final class ConditionAttributes {

    private ConditionAttributes() {
    }

    public static Set<String> of(Condition condition) {
        Set<String> names = new LinkedHashSet<>();
        collect(condition, names);
        return names;
    }

    private static void collect(Object node, Set<String> names) {
        if (node instanceof Path path) {
            names.add(path.head());
        } else if (node instanceof List<?> list) {
            list.forEach(element -> collect(element, names));
        } else if (node instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                collect(component(record, component), names);
            }
        }
    }

    private static Object component(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("reading " + component + " of a parsed condition", e);
        }
    }
}
