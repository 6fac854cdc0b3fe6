package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One action of an update. Operands read the item as it was before the update (so {@code SET a = b, b = a}
 * swaps); actions write into the item being built. {@code mismatch} is the error for a value whose type
 * does not fit the attribute's: the expression and the legacy AttributeUpdates word it differently.
 */
sealed interface UpdateAction {

    Path path();

    Map<String, Value> apply(Map<String, Value> original, Map<String, Value> current, DynamoDbException mismatch);

    record Assign(Path path, Operand value) implements UpdateAction {
        @Override
        public Map<String, Value> apply(Map<String, Value> original, Map<String, Value> current, DynamoDbException mismatch) {
            return Documents.with(current, path, Operand.required(value, original));
        }
    }

    record Remove(Path path) implements UpdateAction {
        @Override
        public Map<String, Value> apply(Map<String, Value> original, Map<String, Value> current, DynamoDbException mismatch) {
            return Documents.without(current, path);
        }
    }

    /** Adds to a number (missing counts as 0), unites sets, and (AttributeUpdates only) appends to a list. */
    record Add(Path path, Value value) implements UpdateAction {
        @Override
        public Map<String, Value> apply(Map<String, Value> original, Map<String, Value> current, DynamoDbException mismatch) {
            Value existing = path.resolve(current);
            if (existing == null) {
                return Documents.with(current, path, value);
            }
            if (existing.type() != value.type()) {
                throw mismatch;
            }
            Value sum = switch (value.type()) {
                case N -> Operand.storedNumber(existing.asN().add(value.asN()));
                case SS -> Value.ss(union(existing.asSS(), value.asSS()));
                case NS -> Value.ns(union(existing.asNS(), value.asNS()));
                case BS -> Value.bs(union(existing.asBS(), value.asBS()));
                case L -> {
                    List<Value> joined = new ArrayList<>(existing.asL());
                    joined.addAll(value.asL());
                    yield Value.l(joined);
                }
                default -> throw mismatch;
            };
            return Documents.with(current, path, sum);
        }

        private static <T> Set<T> union(Set<T> a, Set<T> b) {
            Set<T> union = new LinkedHashSet<>(a);
            union.addAll(b);
            return union;
        }
    }

    /** Removes members from a set; a set left empty removes the attribute, as DynamoDB stores no empty sets. */
    record Delete(Path path, Value value) implements UpdateAction {
        @Override
        public Map<String, Value> apply(Map<String, Value> original, Map<String, Value> current, DynamoDbException mismatch) {
            Value existing = path.resolve(current);
            if (existing == null) {
                return current;
            }
            if (existing.type() != value.type() || !existing.type().isSet()) {
                throw mismatch;
            }
            Set<Object> remaining = new LinkedHashSet<>(existing.setMembers());
            remaining.removeAll(value.setMembers());
            if (remaining.isEmpty()) {
                return Documents.without(current, path);
            }
            return Documents.with(current, path, rebuild(existing.type(), remaining));
        }

        @SuppressWarnings("unchecked")
        private static Value rebuild(Value.Type type, Set<?> members) {
            return switch (type) {
                case SS -> Value.ss((Set<String>) members);
                case NS -> Value.ns((Set<BigDecimal>) members);
                default -> Value.bs((Set<Value.Bytes>) members);
            };
        }
    }
}
