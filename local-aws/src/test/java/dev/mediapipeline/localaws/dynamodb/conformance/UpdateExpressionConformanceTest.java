package dev.mediapipeline.localaws.dynamodb.conformance;

import static dev.mediapipeline.localaws.dynamodb.conformance.Ddb.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** UpdateItem: SET/REMOVE/ADD/DELETE, functions, paths, ReturnValues, AttributeUpdates and every validation. */
class UpdateExpressionConformanceTest {

    private static String table;
    private static final AtomicInteger KEYS = new AtomicInteger();

    @BeforeAll
    static void createTable() {
        table = hashTable("Updates");
    }

    /** A fresh key holding this item (pk added). */
    private static String seed(Object... attributes) {
        String pk = "u" + KEYS.incrementAndGet();
        Map<String, AttributeValue> it = item("pk", s(pk));
        it.putAll(item(attributes));
        ddb().putItem(b -> b.tableName(table).item(it));
        return pk;
    }

    private static Map<String, AttributeValue> read(String pk) {
        return ddb().getItem(b -> b.tableName(table).key(item("pk", s(pk))).consistentRead(true)).item();
    }

    private static UpdateItemResponse update(String pk, String expression, Map<String, AttributeValue> values) {
        return ddb().updateItem(b -> b.tableName(table).key(item("pk", s(pk))).updateExpression(expression)
                .expressionAttributeValues(values.isEmpty() ? null : values));
    }

    private static Map<String, AttributeValue> withoutKey(Map<String, AttributeValue> it) {
        Map<String, AttributeValue> copy = new java.util.LinkedHashMap<>(it);
        copy.remove("pk");
        return copy;
    }

    @Test
    void updateOfAMissingItemCreatesIt() {
        String pk = "upsert-" + KEYS.incrementAndGet();
        update(pk, "SET a = :a", item(":a", s("x")));
        assertThat(read(pk)).isEqualTo(item("pk", s(pk), "a", s("x")));
    }

    @Test
    void updateWithNoExpressionStillCreatesTheItemWithItsKey() {
        String pk = "bare-" + KEYS.incrementAndGet();
        assertThat(ddb().updateItem(b -> b.tableName(table).key(item("pk", s(pk)))).hasAttributes()).isFalse();
        assertThat(read(pk)).isEqualTo(item("pk", s(pk)));
    }

    @Test
    void setArithmeticAddsAndSubtracts() {
        String pk = seed("n", n("10"), "f", n("0.1"));
        update(pk, "SET n = n + :one, m = :five - n, f = f + :f", item(":one", n("1"), ":five", n("5"), ":f", n("0.2")));
        // Both sides are read from the item as it was before the update; decimal arithmetic is exact.
        assertThat(withoutKey(read(pk))).isEqualTo(item("n", n("11"), "f", n("0.3"), "m", n("-5")));
    }

    @Test
    void setNestedMapPathsAndListElements() {
        String pk = seed("m", m("a", s("1"), "child", m("x", n("1"))), "l", l(s("a"), s("b")));
        update(pk, "SET m.a = :v, m.child.y = :v, m.added = :v, l[1] = :v, l[5] = :w",
                item(":v", s("new"), ":w", s("appended")));
        Map<String, AttributeValue> after = read(pk);
        assertThat(after.get("m")).isEqualTo(m("a", s("new"), "child", m("x", n("1"), "y", s("new")), "added", s("new")));
        // An index past the end appends.
        assertThat(after.get("l")).isEqualTo(l(s("a"), s("new"), s("appended")));
    }

    @Test
    void listAppendAppendsAndPrepends() {
        String pk = seed("l", l(n("2")));
        update(pk, "SET l = list_append(l, :after), l2 = list_append(:before, l)",
                item(":after", l(n("3")), ":before", l(n("1"))));
        Map<String, AttributeValue> after = read(pk);
        assertThat(after.get("l")).isEqualTo(l(n("2"), n("3")));
        assertThat(after.get("l2")).isEqualTo(l(n("1"), n("2")));
    }

    @Test
    void ifNotExistsKeepsAnExistingValue() {
        String pk = seed("a", s("kept"));
        update(pk, "SET a = if_not_exists(a, :d), b = if_not_exists(b, :d), c = if_not_exists(c, :zero) + :one",
                item(":d", s("default"), ":zero", n("0"), ":one", n("1")));
        assertThat(withoutKey(read(pk))).isEqualTo(item("a", s("kept"), "b", s("default"), "c", n("1")));
    }

    @Test
    void removeDeletesAttributesNestedAttributesAndShiftsLists() {
        String pk = seed("a", s("1"), "b", s("2"), "m", m("x", s("1"), "y", s("2")), "l", l(s("0"), s("1"), s("2"), s("3")));
        update(pk, "REMOVE a, m.x, l[1], l[2], nothing", Map.of());
        assertThat(withoutKey(read(pk))).isEqualTo(item("b", s("2"), "m", m("y", s("2")), "l", l(s("0"), s("3"))));
    }

    @Test
    void addIncrementsNumbersAndCreatesMissingOnes() {
        String pk = seed("n", n("5"));
        update(pk, "ADD n :d, fresh :d", item(":d", n("-2.5")));
        assertThat(withoutKey(read(pk))).isEqualTo(item("n", n("2.5"), "fresh", n("-2.5")));
    }

    @Test
    void addUnitesSetsAndDeleteSubtractsThem() {
        String pk = seed("tags", ss("a", "b"), "nums", ns("1", "2", "3"));
        update(pk, "ADD tags :more, newset :more DELETE nums :gone", item(":more", ss("b", "c"), ":gone", ns("1", "3", "9")));
        Map<String, AttributeValue> after = read(pk);
        assertThat(after.get("tags").ss()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(after.get("newset").ss()).containsExactlyInAnyOrder("b", "c");
        assertThat(after.get("nums").ns()).containsExactly("2");
    }

    @Test
    void deletingEverySetMemberRemovesTheAttribute() {
        String pk = seed("tags", ss("a", "b"));
        update(pk, "DELETE tags :all", item(":all", ss("a", "b")));
        assertThat(read(pk)).doesNotContainKey("tags");
    }

    @Test
    void allFourClausesInOneExpressionAnyOrderAnyCase() {
        String pk = seed("r", s("x"), "n", n("1"), "members", ss("a", "b"));
        update(pk, "delete members :a add n :one remove r set s = :s", item(":a", ss("a"), ":one", n("1"), ":s", s("S")));
        ddb().updateItem(b -> b.tableName(table).key(item("pk", s(pk))).updateExpression("SET #q = :s")
                .expressionAttributeNames(names("#q", "q")).expressionAttributeValues(item(":s", s("Q"))));
        Map<String, AttributeValue> after = withoutKey(read(pk));
        assertThat(after).containsEntry("n", n("2")).containsEntry("s", s("S")).containsEntry("q", s("Q")).doesNotContainKey("r");
        assertThat(after.get("members").ss()).containsExactly("b");
    }

    @Test
    void attributeNamesWithDotsNeedPlaceholders() {
        String pk = seed("a.b", s("literal"), "a", m("b", s("nested")));
        update(pk, "SET a.b = :v", item(":v", s("nested-changed")));
        ddb().updateItem(b -> b.tableName(table).key(item("pk", s(pk))).updateExpression("SET #ab = :v")
                .expressionAttributeNames(names("#ab", "a.b")).expressionAttributeValues(item(":v", s("literal-changed"))));
        assertThat(withoutKey(read(pk))).isEqualTo(item("a.b", s("literal-changed"), "a", m("b", s("nested-changed"))));
    }

    @Test
    void returnValuesVariants() {
        String pk = seed("a", s("1"), "b", s("2"), "m", m("x", s("1"), "y", s("2")));
        Map<String, AttributeValue> values = item(":v", s("9"));
        var none = ddb().updateItem(b -> b.tableName(table).key(item("pk", s(pk))).updateExpression("SET a = :v")
                .expressionAttributeValues(values).returnValues(ReturnValue.NONE));
        assertThat(none.hasAttributes()).isFalse();
        var allOld = ddb().updateItem(b -> b.tableName(table).key(item("pk", s(pk))).updateExpression("SET b = :v")
                .expressionAttributeValues(values).returnValues(ReturnValue.ALL_OLD));
        assertThat(allOld.attributes()).isEqualTo(item("pk", s(pk), "a", s("9"), "b", s("2"), "m", m("x", s("1"), "y", s("2"))));
        var updatedOld = ddb().updateItem(b -> b.tableName(table).key(item("pk", s(pk))).updateExpression("SET m.x = :v, c = :v")
                .expressionAttributeValues(values).returnValues(ReturnValue.UPDATED_OLD));
        // Only the updated paths, as they were; c did not exist.
        assertThat(updatedOld.attributes()).isEqualTo(item("m", m("x", s("1"))));
        var updatedNew = ddb().updateItem(b -> b.tableName(table).key(item("pk", s(pk))).updateExpression("SET m.y = :v REMOVE a")
                .expressionAttributeValues(values).returnValues(ReturnValue.UPDATED_NEW));
        assertThat(updatedNew.attributes()).isEqualTo(item("m", m("y", s("9"))));
        var allNew = ddb().updateItem(b -> b.tableName(table).key(item("pk", s(pk))).updateExpression("REMOVE c")
                .returnValues(ReturnValue.ALL_NEW));
        assertThat(allNew.attributes()).isEqualTo(item("pk", s(pk), "b", s("9"), "m", m("x", s("9"), "y", s("9"))));
    }

    @Test
    void updateConditionFailureLeavesTheItem() {
        String pk = seed("v", n("1"));
        assertConditionFailed(() -> ddb().updateItem(b -> b.tableName(table).key(item("pk", s(pk)))
                .updateExpression("SET v = :two").conditionExpression("v = :zero")
                .expressionAttributeValues(item(":two", n("2"), ":zero", n("0")))));
        assertThat(read(pk).get("v")).isEqualTo(n("1"));
    }

    @Test
    void attributeUpdatesIsTheLegacyForm() {
        String pk = seed("n", n("1"), "set", ss("a"), "gone", s("x"));
        ddb().updateItem(b -> b.tableName(table).key(item("pk", s(pk))).attributeUpdates(Map.of(
                "n", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("2")).build(),
                "set", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(ss("b")).build(),
                "gone", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build(),
                "put", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s("p")).build())));
        Map<String, AttributeValue> after = withoutKey(read(pk));
        assertThat(after).containsEntry("n", n("3")).containsEntry("put", s("p")).doesNotContainKey("gone");
        assertThat(after.get("set").ss()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void attributeUpdatesAndUpdateExpressionTogetherAreRejected() {
        assertValidation(() -> ddb().updateItem(b -> b.tableName(table).key(item("pk", s("x")))
                        .attributeUpdates(Map.of("a", AttributeValueUpdate.builder().value(s("1")).build()))
                        .updateExpression("SET b = :b").expressionAttributeValues(item(":b", s("1")))),
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}");
    }

    @Test
    void updatingAKeyAttributeIsRejected() {
        assertValidation(() -> update("key-update", "SET pk = :v", item(":v", s("other"))),
                "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
    }

    @Test
    void emptyUpdateExpressionIsRejected() {
        assertValidation(() -> update("x", "", Map.of()), "Invalid UpdateExpression: The expression can not be empty;");
    }

    @Test
    void syntaxErrorsNameTheToken() {
        // What DynamoDB quotes after "near:" is not pinned down here; the token is.
        assertValidationStartingWith(() -> update("x", "SET a", Map.of()),
                "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"");
        assertValidationStartingWith(() -> update("x", "SET a = b * c", Map.of()), "Invalid UpdateExpression: Syntax error; token: ");
        assertValidationStartingWith(() -> update("x", "whatever", Map.of()), "Invalid UpdateExpression: Syntax error; token: ");
    }

    @Test
    void reservedWordsNeedPlaceholders() {
        assertValidation(() -> update("x", "SET status = :v", item(":v", s("1"))),
                "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status");
    }

    @Test
    void undefinedPlaceholdersAreRejected() {
        assertValidation(() -> update("x", "SET a = :missing", Map.of()),
                "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :missing");
        assertValidation(() -> ddb().updateItem(b -> b.tableName(table).key(item("pk", s("x")))
                        .updateExpression("SET #missing = :v").expressionAttributeValues(item(":v", s("1")))),
                "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #missing");
    }

    @Test
    void unusedPlaceholdersAreRejected() {
        assertValidation(() -> update("x", "SET a = :v", item(":v", s("1"), ":unused", s("2"))),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        assertValidation(() -> ddb().updateItem(b -> b.tableName(table).key(item("pk", s("x")))
                        .updateExpression("SET a = :v").expressionAttributeValues(item(":v", s("1")))
                        .expressionAttributeNames(names("#unused", "u"))),
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");
    }

    @Test
    void aSectionMayAppearOnlyOnce() {
        assertValidation(() -> update("x", "SET a = :v SET b = :v", item(":v", s("1"))),
                "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
    }

    @Test
    void overlappingPathsAreRejected() {
        assertValidation(() -> update("x", "SET a = :v REMOVE a", item(":v", s("1"))),
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of "
                        + "these paths; path one: [a], path two: [a]");
        assertValidation(() -> update("x", "SET m.a = :v, m = :v", item(":v", s("1"))),
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of "
                        + "these paths; path one: [m, a], path two: [m]");
    }

    @Test
    void addAndDeleteNeedNumbersOrSets() {
        assertValidation(() -> update("x", "ADD a :v", item(":v", s("text"))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING, "
                        + "typeSet: ALLOWED_FOR_ADD_OPERAND");
        assertValidation(() -> update("x", "DELETE a :v", item(":v", n("1"))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, "
                        + "typeSet: ALLOWED_FOR_DELETE_OPERAND");
    }

    @Test
    void arithmeticAndListAppendCheckLiteralOperandTypes() {
        assertValidation(() -> update("x", "SET a = a + :v", item(":v", s("text"))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S");
        assertValidation(() -> update("x", "SET a = list_append(a, :v)", item(":v", n("1"))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: N");
    }

    @Test
    void arithmeticOnAStoredValueOfTheWrongTypeIsRejected() {
        String pk = seed("txt", s("abc"), "nums", ns("1"));
        assertValidation(() -> update(pk, "SET txt = txt + :one", item(":one", n("1"))),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> update(pk, "ADD nums :s", item(":s", ss("a"))),
                "An operand in the update expression has an incorrect data type");
    }

    @Test
    void referencingAMissingAttributeIsRejected() {
        String pk = seed("a", s("1"));
        assertValidation(() -> update(pk, "SET b = absent + :one", item(":one", n("1"))),
                "The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void settingUnderAMissingMapIsRejected() {
        String pk = seed("a", s("1"));
        assertValidation(() -> update(pk, "SET absent.child = :v", item(":v", s("1"))),
                "The document path provided in the update expression is invalid for update");
        assertValidation(() -> update(pk, "SET a[0] = :v", item(":v", s("1"))),
                "The document path provided in the update expression is invalid for update");
    }

    @Test
    void functionsCheckTheirArguments() {
        assertValidationStartingWith(() -> update("x", "SET a = if_not_exists(b)", Map.of()),
                "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1");
        assertValidation(() -> update("x", "SET a = if_not_exists(:v, b)", item(":v", s("1"))),
                "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists");
        assertValidation(() -> update("x", "SET a = no_such_function(b)", Map.of()),
                "Invalid UpdateExpression: Invalid function name; function: no_such_function");
    }

    @Test
    void valuesWithoutUpdateOrConditionExpressionAreRejected() {
        // The message real DynamoDB gave the SDK v2 for this request.
        assertValidation(() -> ddb().updateItem(b -> b.tableName(table).key(item("pk", s("x")))
                        .expressionAttributeValues(item(":v", s("1")))),
                "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and "
                        + "ConditionExpression are null");
    }

    @Test
    void anUpdateOfAMissingItemUnderAFailingConditionCreatesNothing() {
        assertConditionFailed(() -> ddb().updateItem(b -> b.tableName(table).key(item("pk", s("never-there")))
                .updateExpression("SET a = :v").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(item(":v", s("1")))));
        assertThat(read("never-there")).isEmpty();
    }

    @Test
    void updatedItemOverTheSizeLimitIsRejected() {
        String pk = seed("a", s(repeat('a', 300_000)));
        assertValidation(() -> update(pk, "SET b = :big", item(":big", s(repeat('b', 200_000)))),
                "Item size to update has exceeded the maximum allowed size");
    }
}
