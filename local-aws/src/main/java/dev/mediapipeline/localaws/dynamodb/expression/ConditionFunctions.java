package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions of the condition grammar and DynamoDB's parse-time checks on them and on operands:
 * argument counts, operand types known from literals, and functions used where they do not fit.
 */
final class ConditionFunctions {

    private static final Map<String, Integer> ARITY = Map.of("attribute_exists", 1, "attribute_not_exists", 1,
            "attribute_type", 2, "begins_with", 2, "contains", 2, "size", 1);
    private static final Set<String> TYPE_NAMES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private final Problems problems;
    /** The request parameter, for errors raised when the expression is evaluated. */
    private final String label;
    /** The name each boolean call was made with, for the message when one is used as an operand. */
    private final Map<Cond, String> booleanCalls = new IdentityHashMap<>();

    ConditionFunctions(Problems problems, String label) {
        this.problems = problems;
        this.label = label;
    }

    /** A call: an {@link Operand} for size, a {@link Cond} for the boolean functions. */
    Object call(String name, List<Object> terms) {
        Object call = build(name, terms);
        if (call instanceof Cond condition) {
            booleanCalls.put(condition, name);
        }
        return call;
    }

    private Object build(String name, List<Object> terms) {
        List<Operand> args = new ArrayList<>();
        terms.forEach(t -> args.add(operand(t)));
        Integer arity = ARITY.get(name);
        if (arity == null) {
            problems.report(Problems.Kind.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            // A condition, so that "foo(a)" alone parses on to report the unknown function.
            return new Cond.Compare("=", Operand.INVALID, Operand.INVALID);
        }
        if (arity != args.size()) {
            problems.report(Problems.Kind.OPERAND_COUNT, "Incorrect number of operands for operator or function; "
                    + "operator or function: " + name + ", number of operands: " + args.size());
            return name.equals("size") ? Operand.INVALID : new Cond.Compare("=", Operand.INVALID, Operand.INVALID);
        }
        if (args.size() == 2) {
            checkDistinct(name, args.get(0), args.get(1));
        }
        return switch (name) {
            case "attribute_exists" -> new Cond.Exists(path(name, args.get(0)), true);
            case "attribute_not_exists" -> new Cond.Exists(path(name, args.get(0)), false);
            case "attribute_type" -> attributeType(args);
            case "begins_with" -> {
                args.forEach(a -> requireType(name, a, Set.of(Value.Type.S, Value.Type.B)));
                yield new Cond.BeginsWith(args.get(0), args.get(1));
            }
            case "contains" -> new Cond.Contains(args.get(0), args.get(1));
            default -> {
                Value.Type type = args.get(0).staticType();
                if (type == Value.Type.N || type == Value.Type.BOOL || type == Value.Type.NULL) {
                    incorrectOperandType(name, type.name());
                }
                yield new Operand.Size(args.get(0), label);
            }
        };
    }

    /** The operand a term stands for; a boolean function is not one. */
    Operand operand(Object term) {
        if (term instanceof Cond) {
            misused(booleanCalls.get((Cond) term));
            return Operand.INVALID;
        }
        return (Operand) term;
    }

    void misused(String function) {
        problems.report(Problems.Kind.MISUSED_FUNCTION,
                "The function is not allowed to be used this way in an expression; function: " + function);
    }

    /** DynamoDB refuses {@code a = a} and the like: the same path on both sides. */
    void checkDistinct(String operator, Operand first, Operand second) {
        if (first instanceof Operand.Attribute a && second instanceof Operand.Attribute b && a.path().equals(b.path())) {
            problems.report(Problems.Kind.DISTINCT, "The first operand must be distinct from the remaining operands "
                    + "for this operator or function; operator: " + operator + ", first operand: " + a.path());
        }
    }

    /** Literal bounds must have one type and must not be reversed. */
    void checkBetweenBounds(Operand low, Operand high) {
        if (!(low instanceof Operand.Literal l) || !(high instanceof Operand.Literal h) || l == Operand.INVALID || h == Operand.INVALID) {
            return;
        }
        String bounds = "lower bound operand: AttributeValue: {" + render(l.value()) + "}, "
                + "upper bound operand: AttributeValue: {" + render(h.value()) + "}";
        if (l.value().type() != h.value().type()) {
            problems.report(Problems.Kind.FUNCTION,
                    "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        } else if (l.value().type().isScalarKeyType() && Value.compareScalars(l.value(), h.value()) > 0) {
            problems.report(Problems.Kind.FUNCTION,
                    "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
        }
    }

    private Cond attributeType(List<Operand> args) {
        Path path = path("attribute_type", args.get(0));
        Operand typeName = args.get(1);
        Value.Type type = typeName.staticType();
        if (type != Value.Type.S) {
            incorrectOperandType("attribute_type", type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type.name());
        } else {
            String name = ((Operand.Literal) typeName).value().asS();
            if (!TYPE_NAMES.contains(name)) {
                problems.report(Problems.Kind.FUNCTION, "Invalid attribute type name found; type: " + name
                        + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
            }
        }
        return new Cond.AttributeType(path, typeName);
    }

    private Path path(String function, Operand operand) {
        if (operand instanceof Operand.Attribute attribute) {
            return attribute.path();
        }
        if (operand != Operand.INVALID) {
            problems.report(Problems.Kind.FUNCTION,
                    "Operator or function requires a document path; operator or function: " + function);
        }
        return Path.of("");
    }

    private void requireType(String function, Operand operand, Set<Value.Type> allowed) {
        Value.Type type = operand.staticType();
        if (type != null && operand != Operand.INVALID && !allowed.contains(type)) {
            incorrectOperandType(function, type.name());
        }
    }

    private void incorrectOperandType(String function, String type) {
        problems.report(Problems.Kind.FUNCTION, "Incorrect operand type for operator or function; "
                + "operator or function: " + function + ", operand type: " + type);
    }

    /** A literal as DynamoDB quotes it in messages: {@code N:5}, {@code S:a}. */
    private static String render(Value value) {
        return value.type() + ":" + switch (value.type()) {
            case S -> value.asS();
            case N -> value.asNText();
            case B -> value.asB().toString();
            default -> value.toString();
        };
    }
}
