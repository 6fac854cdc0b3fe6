package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A value-producing part of an expression: evaluated against an item, null when it names nothing. */
sealed interface Operand {

    /** Stands in for an operand after a parse error was noted; the parse throws before anything evaluates it. */
    Operand INVALID = new Literal(Value.NULL);

    Value evaluate(Map<String, Value> item);

    /** The operand's type when known without an item (a literal's), for DynamoDB's parse-time type checks. */
    default Value.Type staticType() {
        return null;
    }

    /** For update operands, where a missing attribute is an error rather than "no value". */
    static Value required(Operand operand, Map<String, Value> item) {
        Value value = operand.evaluate(item);
        if (value == null) {
            throw DynamoDbException.validation("The provided expression refers to an attribute that does not exist in the item");
        }
        return value;
    }

    /** A computed number, held to the digits and range DynamoDB stores (with its errors when it is not). */
    static Value storedNumber(BigDecimal n) {
        return Value.n(ValueJson.number(n.toString()));
    }

    static DynamoDbException incorrectType() {
        return DynamoDbException.validation("An operand in the update expression has an incorrect data type");
    }

    record Attribute(Path path) implements Operand {
        @Override
        public Value evaluate(Map<String, Value> item) {
            return path.resolve(item);
        }
    }

    record Literal(Value value) implements Operand {
        @Override
        public Value evaluate(Map<String, Value> item) {
            return value;
        }

        @Override
        public Value.Type staticType() {
            return value.type();
        }
    }

    /**
     * {@code size(x)}: string characters, binary bytes, member count of sets, lists and maps. DynamoDB
     * fails the request when the attribute exists with a type that has no size, naming the expression
     * ({@code label}) the function is in.
     */
    record Size(Operand of, String label) implements Operand {
        @Override
        public Value evaluate(Map<String, Value> item) {
            Value value = of.evaluate(item);
            if (value == null) {
                return null;
            }
            return switch (value.type()) {
                case S -> Value.n(value.asS().codePointCount(0, value.asS().length()));
                case B -> Value.n(value.asB().length());
                case SS, NS, BS -> Value.n(value.setMembers().size());
                case L -> Value.n(value.asL().size());
                case M -> Value.n(value.asM().size());
                case N, BOOL, NULL -> throw DynamoDbException.validation("Invalid " + label + ": Incorrect operand type "
                        + "for operator or function; operator or function: size, operand type: " + value.type());
            };
        }

        @Override
        public Value.Type staticType() {
            return Value.Type.N;
        }
    }

    /** {@code if_not_exists(path, fallback)} of a SET. */
    record IfNotExists(Path path, Operand fallback) implements Operand {
        @Override
        public Value evaluate(Map<String, Value> item) {
            Value existing = path.resolve(item);
            return existing != null ? existing : Operand.required(fallback, item);
        }
    }

    /** {@code list_append(a, b)} of a SET. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public Value evaluate(Map<String, Value> item) {
            Value a = Operand.required(first, item);
            Value b = Operand.required(second, item);
            if (a.type() != Value.Type.L || b.type() != Value.Type.L) {
                throw incorrectType();
            }
            List<Value> joined = new ArrayList<>(a.asL());
            joined.addAll(b.asL());
            return Value.l(joined);
        }
    }

    /** {@code a + b} or {@code a - b} of a SET. */
    record Arithmetic(char operator, Operand left, Operand right) implements Operand {
        @Override
        public Value evaluate(Map<String, Value> item) {
            Value a = Operand.required(left, item);
            Value b = Operand.required(right, item);
            if (a.type() != Value.Type.N || b.type() != Value.Type.N) {
                throw incorrectType();
            }
            return storedNumber(operator == '+' ? a.asN().add(b.asN()) : a.asN().subtract(b.asN()));
        }
    }
}
