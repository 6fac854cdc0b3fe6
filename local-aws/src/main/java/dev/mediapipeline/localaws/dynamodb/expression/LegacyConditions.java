package dev.mediapipeline.localaws.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One legacy attribute condition ({@code {"ComparisonOperator": ..., "AttributeValueList": [...]}}) as a
 * {@link Cond}, with DynamoDB's checks of its arguments.
 */
final class LegacyConditions {

    /** Argument counts: exact, except IN (one or more, written as -1). */
    private static final Map<String, Integer> ARGUMENTS = Map.ofEntries(Map.entry("EQ", 1), Map.entry("NE", 1),
            Map.entry("LE", 1), Map.entry("LT", 1), Map.entry("GE", 1), Map.entry("GT", 1), Map.entry("NOT_NULL", 0),
            Map.entry("NULL", 0), Map.entry("CONTAINS", 1), Map.entry("NOT_CONTAINS", 1), Map.entry("BEGINS_WITH", 1),
            Map.entry("IN", -1), Map.entry("BETWEEN", 2));
    private static final Set<Value.Type> SCALARS = Set.of(Value.Type.S, Value.Type.N, Value.Type.B);
    private static final Set<Value.Type> SCALARS_AND_SETS = Set.of(Value.Type.S, Value.Type.N, Value.Type.B,
            Value.Type.SS, Value.Type.NS, Value.Type.BS);
    private static final Map<String, String> COMPARISONS = Map.of("EQ", "=", "NE", "<>", "LE", "<=", "LT", "<", "GE", ">=", "GT", ">");

    private LegacyConditions() {
    }

    static String operator(JsonNode condition, String parameter) {
        String operator = RequestFields.text(condition, "ComparisonOperator").orElseThrow(() ->
                RequestFields.constraint("null", parameter, "Member must not be null"));
        if (!ARGUMENTS.containsKey(operator)) {
            throw RequestFields.constraint("'" + operator + "'", parameter, "Member must satisfy enum value set: "
                    + "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        }
        return operator;
    }

    static List<Value> values(JsonNode list) {
        List<Value> values = new ArrayList<>();
        if (list != null && !list.isNull()) {
            list.forEach(v -> values.add(ValueJson.read(v)));
        }
        return values;
    }

    static boolean countFits(String operator, int count) {
        int wanted = ARGUMENTS.get(operator);
        return wanted < 0 ? count > 0 : count == wanted;
    }

    static void requireCount(String operator, int count) {
        if (!countFits(operator, count)) {
            throw invalid("Invalid number of argument(s) for the " + operator + " ComparisonOperator");
        }
    }

    /** The checks every legacy condition's values get: one type, and a BETWEEN range the right way round. */
    static void requireConsistent(String operator, List<Value> values) {
        if (values.stream().map(Value::type).distinct().count() > 1) {
            throw invalid("AttributeValues inside AttributeValueList must be of same type");
        }
        if (operator.equals("BETWEEN") && values.get(0).type().isScalarKeyType()
                && Value.compareScalars(values.get(0), values.get(1)) > 0) {
            throw DynamoDbException.validation(
                    "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    /** QueryFilter, ScanFilter and KeyConditions also limit the value types per operator. */
    static void requireTypes(String operator, List<Value> values) {
        Set<Value.Type> allowed = switch (operator) {
            case "EQ", "NE" -> SCALARS_AND_SETS;
            case "BEGINS_WITH" -> Set.of(Value.Type.S, Value.Type.B);
            default -> SCALARS;
        };
        for (Value value : values) {
            if (!allowed.contains(value.type())) {
                throw invalid("ComparisonOperator " + operator + " is not valid for " + value.type() + " AttributeValue type");
            }
        }
    }

    static Cond build(String attribute, String operator, List<Value> values) {
        Path path = Path.of(attribute);
        Operand target = new Operand.Attribute(path);
        List<Operand> arguments = values.stream().<Operand>map(Operand.Literal::new).toList();
        return switch (operator) {
            case "NULL" -> new Cond.Exists(path, false);
            case "NOT_NULL" -> new Cond.Exists(path, true);
            case "CONTAINS" -> new Cond.Contains(target, arguments.get(0));
            case "NOT_CONTAINS" -> new Cond.And(new Cond.Exists(path, true),
                    new Cond.Not(new Cond.Contains(target, arguments.get(0))));
            case "BEGINS_WITH" -> new Cond.BeginsWith(target, arguments.get(0));
            case "IN" -> new Cond.In(target, arguments);
            case "BETWEEN" -> new Cond.Between(target, arguments.get(0), arguments.get(1));
            default -> new Cond.Compare(COMPARISONS.get(operator), target, arguments.get(0));
        };
    }

    static DynamoDbException invalid(String message) {
        return DynamoDbException.validation("One or more parameter values were invalid: " + message);
    }
}
