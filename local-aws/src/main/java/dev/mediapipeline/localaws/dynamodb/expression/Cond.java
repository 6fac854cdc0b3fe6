package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.List;
import java.util.Map;

/** The parsed form of condition, filter and key condition expressions (and of the legacy parameters). */
sealed interface Cond extends Condition {

    record And(Cond left, Cond right) implements Cond {
        @Override
        public boolean test(Map<String, Value> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Cond left, Cond right) implements Cond {
        @Override
        public boolean test(Map<String, Value> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Cond operand) implements Cond {
        @Override
        public boolean test(Map<String, Value> item) {
            return !operand.test(item);
        }
    }

    /** {@code operator} is one of {@code = <> < <= > >=}. */
    record Compare(String operator, Operand left, Operand right) implements Cond {
        @Override
        public boolean test(Map<String, Value> item) {
            return Comparisons.compare(operator, left.evaluate(item), right.evaluate(item));
        }
    }

    record Between(Operand value, Operand low, Operand high) implements Cond {
        @Override
        public boolean test(Map<String, Value> item) {
            return Comparisons.between(value.evaluate(item), low.evaluate(item), high.evaluate(item));
        }
    }

    record In(Operand value, List<Operand> candidates) implements Cond {
        @Override
        public boolean test(Map<String, Value> item) {
            Value v = value.evaluate(item);
            return candidates.stream().anyMatch(c -> Comparisons.equal(v, c.evaluate(item)));
        }
    }

    /** attribute_exists (expected true) and attribute_not_exists (expected false). */
    record Exists(Path path, boolean expected) implements Cond {
        @Override
        public boolean test(Map<String, Value> item) {
            return (path.resolve(item) != null) == expected;
        }
    }

    record AttributeType(Path path, Operand typeName) implements Cond {
        @Override
        public boolean test(Map<String, Value> item) {
            Value value = path.resolve(item);
            Value type = typeName.evaluate(item);
            return value != null && type != null && type.type() == Value.Type.S && value.type().name().equals(type.asS());
        }
    }

    record BeginsWith(Operand value, Operand prefix) implements Cond {
        @Override
        public boolean test(Map<String, Value> item) {
            return Comparisons.beginsWith(value.evaluate(item), prefix.evaluate(item));
        }
    }

    record Contains(Operand container, Operand member) implements Cond {
        @Override
        public boolean test(Map<String, Value> item) {
            return Comparisons.contains(container.evaluate(item), member.evaluate(item));
        }
    }
}
