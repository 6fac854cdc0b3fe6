package dev.mediapipeline.localaws.dynamodb.expression;

import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.assertValidation;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.item;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.l;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.n;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.s;
import static dev.mediapipeline.localaws.dynamodb.expression.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pre-expression parameters, read from request JSON (single quotes stand for double ones). */
class LegacyParametersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Value> ITEM = item("a", n("5"), "s", s("apple"), "set", ss("x", "y"), "l", l(n("1")));

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    private static boolean expected(String json) {
        return LegacyParameters.expected(json(json), null).test(ITEM);
    }

    private static boolean filter(String json) {
        return LegacyParameters.filter("ScanFilter", json(json), null).test(ITEM);
    }

    @Test
    void expectedValueAndExists() {
        assertThat(expected("{'a': {'Value': {'N': '5'}}}")).isTrue();
        assertThat(expected("{'a': {'Value': {'N': '6'}, 'Exists': true}}")).isFalse();
        assertThat(expected("{'b': {'Exists': false}}")).isTrue();
        assertThat(expected("{'a': {'Exists': false}}")).isFalse();
        assertThat(LegacyParameters.expected(null, null).test(ITEM)).isTrue();
    }

    @Test
    void expectedWithComparisonOperators() {
        assertThat(expected("{'a': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'N': '4'}]}}")).isTrue();
        assertThat(expected("{'a': {'ComparisonOperator': 'LE', 'Value': {'N': '4'}}}")).isFalse();
        assertThat(expected("{'b': {'ComparisonOperator': 'NULL'}}")).isTrue();
        assertThat(expected("{'b': {'ComparisonOperator': 'NE', 'Value': {'N': '4'}}}")).isTrue();
        assertThat(expected("{'s': {'ComparisonOperator': 'NOT_NULL'}}")).isTrue();
    }

    @Test
    void conditionalOperatorJoins() {
        String both = "{'a': {'Value': {'N': '5'}}, 's': {'Value': {'S': 'pear'}}}";
        assertThat(LegacyParameters.expected(json(both), null).test(ITEM)).isFalse();
        assertThat(LegacyParameters.expected(json(both), new TextNode("AND")).test(ITEM)).isFalse();
        assertThat(LegacyParameters.expected(json(both), new TextNode("OR")).test(ITEM)).isTrue();
        assertValidation(() -> LegacyParameters.expected(json(both), new TextNode("XOR")),
                "1 validation error detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [OR, AND]");
    }

    @Test
    void expectedErrors() {
        String invalid = "One or more parameter values were invalid: ";
        assertValidation(() -> expected("{'a': {'Value': {'N': '5'}, 'AttributeValueList': [{'N': '5'}]}}"),
                invalid + "Value and AttributeValueList cannot be used together for Attribute: a");
        assertValidation(() -> expected("{'a': {'ComparisonOperator': 'EQ', 'Exists': true, 'Value': {'N': '5'}}}"),
                invalid + "Exists and ComparisonOperator cannot be used together for Attribute: a");
        assertValidation(() -> expected("{'a': {'ComparisonOperator': 'EQ'}}"),
                invalid + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a");
        assertValidation(() -> expected("{'a': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '5'}]}}"),
                invalid + "Invalid number of argument(s) for the BETWEEN ComparisonOperator");
        assertValidation(() -> expected("{'a': {'AttributeValueList': [{'N': '5'}]}}"),
                invalid + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a");
        assertValidation(() -> expected("{'a': {}}"), invalid + "Value must be provided when Exists is null for Attribute: a");
        assertValidation(() -> expected("{'a': {'Exists': true}}"), invalid + "Value must be provided when Exists is true for Attribute: a");
        assertValidation(() -> expected("{'a': {'Exists': false, 'Value': {'N': '1'}}}"),
                invalid + "Value cannot be used when Exists is false for Attribute: a");
    }

    @Test
    void filterOperators() {
        assertThat(filter("{'a': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '1'}, {'N': '5'}]}}")).isTrue();
        assertThat(filter("{'a': {'ComparisonOperator': 'IN', 'AttributeValueList': [{'N': '1'}, {'N': '5'}]}}")).isTrue();
        assertThat(filter("{'s': {'ComparisonOperator': 'BEGINS_WITH', 'AttributeValueList': [{'S': 'ap'}]}}")).isTrue();
        assertThat(filter("{'s': {'ComparisonOperator': 'CONTAINS', 'AttributeValueList': [{'S': 'ppl'}]}}")).isTrue();
        assertThat(filter("{'set': {'ComparisonOperator': 'CONTAINS', 'AttributeValueList': [{'S': 'x'}]}}")).isTrue();
        assertThat(filter("{'set': {'ComparisonOperator': 'NOT_CONTAINS', 'AttributeValueList': [{'S': 'z'}]}}")).isTrue();
        assertThat(filter("{'b': {'ComparisonOperator': 'NOT_CONTAINS', 'AttributeValueList': [{'S': 'z'}]}}")).isFalse();
        assertThat(filter("{'a': {'ComparisonOperator': 'LT', 'AttributeValueList': [{'S': '9'}]}}")).isFalse();
    }

    @Test
    void filterErrors() {
        String invalid = "One or more parameter values were invalid: ";
        assertValidation(() -> filter("{'a': {'ComparisonOperator': 'EQ', 'AttributeValueList': []}}"),
                invalid + "Invalid number of argument(s) for the EQ ComparisonOperator");
        assertValidation(() -> filter("{'a': {'ComparisonOperator': 'NULL', 'AttributeValueList': [{'N': '1'}]}}"),
                invalid + "Invalid number of argument(s) for the NULL ComparisonOperator");
        assertValidation(() -> filter("{'a': {'ComparisonOperator': 'IN', 'AttributeValueList': [{'N': '1'}, {'S': '1'}]}}"),
                invalid + "AttributeValues inside AttributeValueList must be of same type");
        assertValidation(() -> filter("{'a': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'SS': ['1']}]}}"),
                invalid + "ComparisonOperator GT is not valid for SS AttributeValue type");
        assertValidation(() -> filter("{'a': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '5'}, {'N': '1'}]}}"),
                "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        assertValidation(() -> filter("{'a': {'ComparisonOperator': 'LIKE', 'AttributeValueList': [{'N': '5'}]}}"),
                "1 validation error detected: Value 'LIKE' at 'scanFilter.a.member.comparisonOperator' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: "
                        + "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
    }

    @Test
    void keyConditions() {
        KeyCondition key = LegacyParameters.keyConditions(json("{'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'p'}]},"
                + " 'sk': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '1'}, {'N': '2'}]}}"), "pk", "sk");
        assertThat(key).isEqualTo(new KeyCondition(s("p"), new SortKeyCondition("BETWEEN", n("1"), n("2"))));
    }

    @Test
    void keyConditionErrors() {
        String eq = "{'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'p'}]}";
        assertValidation(() -> LegacyParameters.keyConditions(json("{'pk': {'ComparisonOperator': 'EQ'}}"), "pk", "sk"),
                "The attempted filter operation is not supported for the provided filter argument count");
        assertValidation(() -> LegacyParameters.keyConditions(json("{'pk': " + eq + ", 'sk': " + eq + ", 'x': " + eq + "}"), "pk", "sk"),
                "Conditions can be of length 1 or 2 only");
        assertValidation(() -> LegacyParameters.keyConditions(json("{'pk': {'ComparisonOperator': 'NOT_NULL'}}"), "pk", "sk"),
                "Attempted conditional constraint is not an indexable operation");
        assertValidation(() -> LegacyParameters.keyConditions(json("{'sk': " + eq + "}"), "pk", "sk"),
                "Query condition missed key schema element: pk");
        assertValidation(() -> LegacyParameters.keyConditions(json("{'pk': " + eq + ", 'sk': " + eq + "}"), "pk", null),
                "Query key condition not supported");
        assertValidation(() -> LegacyParameters.keyConditions(
                json("{'pk': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'S': 'p'}]}}"), "pk", "sk"),
                "Query key condition not supported");
    }

    @Test
    void attributesToGet() {
        Projection projection = LegacyParameters.attributesToGet(json("['s', 'absent', 'a']"));
        assertThat(projection.apply(ITEM)).isEqualTo(item("s", s("apple"), "a", n("5")));
    }

    @Test
    void attributeUpdates() {
        Update update = LegacyParameters.attributeUpdates(json("{'a': {'Action': 'ADD', 'Value': {'N': '2'}},"
                + " 's': {'Value': {'S': 'pear'}}, 'set': {'Action': 'DELETE', 'Value': {'SS': ['x']}},"
                + " 'l': {'Action': 'ADD', 'Value': {'L': [{'N': '2'}]}}, 'gone': {'Action': 'DELETE'}}"));
        assertThat(update.apply(item("a", n("5"), "s", s("apple"), "set", ss("x", "y"), "l", l(n("1")), "gone", n("0"))))
                .isEqualTo(item("a", n("7"), "s", s("pear"), "set", ss("y"), "l", l(n("1"), n("2"))));
        assertThat(update.topLevelAttributes()).containsExactlyInAnyOrder("a", "s", "set", "l", "gone");
    }

    @Test
    void attributeUpdateErrors() {
        String invalid = "One or more parameter values were invalid: ";
        assertValidation(() -> LegacyParameters.attributeUpdates(json("{'a': {'Action': 'PUT'}}")),
                invalid + "Only DELETE action is allowed when no attribute value is specified");
        assertValidation(() -> LegacyParameters.attributeUpdates(json("{'a': {'Action': 'ADD', 'Value': {'S': 'x'}}}")),
                invalid + "ADD action is not supported for the type S");
        assertValidation(() -> LegacyParameters.attributeUpdates(json("{'a': {'Action': 'DELETE', 'Value': {'N': '1'}}}")),
                invalid + "DELETE action with value is not supported for the type N");
        assertValidation(() -> LegacyParameters.attributeUpdates(json("{'a': {'Action': 'ADD', 'Value': {'N': '1'}}}"))
                .apply(item("a", s("x"))), "Type mismatch for attribute to update");
    }
}
