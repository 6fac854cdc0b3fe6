package dev.mediapipeline.localaws.dynamodb.conformance;

import static dev.mediapipeline.localaws.dynamodb.conformance.Ddb.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** TransactWriteItems and TransactGetItems: atomicity, cancellation reasons, limits and idempotency. */
class TransactionConformanceTest {

    private static String table;

    @BeforeAll
    static void createTable() {
        table = hashTable("Tx");
    }

    private static TransactWriteItem put(Map<String, AttributeValue> it) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(it)).build();
    }

    private static TransactWriteItem check(String pk, String condition) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(item("pk", s(pk))).conditionExpression(condition)).build();
    }

    private static Map<String, AttributeValue> read(String pk) {
        return ddb().getItem(b -> b.tableName(table).key(item("pk", s(pk))).consistentRead(true)).item();
    }

    @Test
    void putUpdateDeleteAndConditionCheckCommitTogether() {
        ddb().putItem(b -> b.tableName(table).item(item("pk", s("tx-upd"), "n", n(1))));
        ddb().putItem(b -> b.tableName(table).item(item("pk", s("tx-del"))));
        ddb().putItem(b -> b.tableName(table).item(item("pk", s("tx-chk"))));
        ddb().transactWriteItems(b -> b.transactItems(
                put(item("pk", s("tx-new"), "v", s("created"))),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(item("pk", s("tx-upd")))
                        .updateExpression("SET n = n + :one").expressionAttributeValues(item(":one", n(1)))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(item("pk", s("tx-del")))).build(),
                check("tx-chk", "attribute_exists(pk)")));
        assertThat(read("tx-new")).isEqualTo(item("pk", s("tx-new"), "v", s("created")));
        assertThat(read("tx-upd")).isEqualTo(item("pk", s("tx-upd"), "n", n(2)));
        assertThat(read("tx-del")).isEmpty();
    }

    @Test
    void aFailedConditionCancelsEverythingWithReasonsInOrder() {
        ddb().putItem(b -> b.tableName(table).item(item("pk", s("tx-exists"), "v", s("old"))));
        var e = failure(() -> ddb().transactWriteItems(b -> b.transactItems(
                put(item("pk", s("tx-never"))),
                check("tx-exists", "attribute_not_exists(pk)"))), TransactionCanceledException.class);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TransactionCanceledException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
        assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed");
        assertThat(e.cancellationReasons().get(1).message()).isEqualTo("The conditional request failed");
        assertThat(e.cancellationReasons().get(0).message()).isNull();
        assertThat(read("tx-never")).isEmpty();
        assertThat(read("tx-exists")).isEqualTo(item("pk", s("tx-exists"), "v", s("old")));
    }

    @Test
    void returnValuesOnConditionCheckFailureFillsTheReason() {
        ddb().putItem(b -> b.tableName(table).item(item("pk", s("tx-rv"), "v", s("seen"))));
        var e = failure(() -> ddb().transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                .conditionCheck(c -> c.tableName(table).key(item("pk", s("tx-rv"))).conditionExpression("v = :x")
                        .expressionAttributeValues(item(":x", s("other")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())),
                TransactionCanceledException.class);
        assertThat(e.cancellationReasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("ConditionalCheckFailed");
            assertThat(r.item()).isEqualTo(item("pk", s("tx-rv"), "v", s("seen")));
        });
    }

    @Test
    void oneItemMayAppearOnlyOnce() {
        assertValidation(() -> ddb().transactWriteItems(b -> b.transactItems(put(item("pk", s("tx-twice"))),
                        TransactWriteItem.builder().delete(d -> d.tableName(table).key(item("pk", s("tx-twice")))).build())),
                "Transaction request cannot include multiple operations on one item");
    }

    @Test
    void atMostOneHundredActions() {
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            items.add(put(item("pk", s("tx-lim-" + i))));
        }
        assertValidationContaining(() -> ddb().transactWriteItems(b -> b.transactItems(items)),
                "Member must have length less than or equal to 100");
        ddb().transactWriteItems(b -> b.transactItems(items.subList(0, 100)));
        assertThat(read("tx-lim-99")).isNotEmpty();
    }

    @Test
    void emptyTransactionIsRejected() {
        assertValidation(() -> ddb().transactWriteItems(b -> b.transactItems(List.of())),
                "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
    }

    @Test
    void aMissingTableIsResourceNotFound() {
        String missing = uniqueName("Missing");
        assertTableNotFound(() -> ddb().transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(missing).item(item("pk", s("a")))).build())));
    }

    @Test
    void anInvalidExpressionIsAValidationErrorNotACancellation() {
        assertValidation(() -> ddb().transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                        .update(u -> u.tableName(table).key(item("pk", s("tx-bad"))).updateExpression("SET a = :missing")).build())),
                "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :missing");
    }

    @Test
    void clientRequestTokenMakesTheCallIdempotent() {
        String token = UUID.randomUUID().toString();
        List<TransactWriteItem> items = List.of(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(item("pk", s("tx-idem"))).updateExpression("ADD n :one").expressionAttributeValues(item(":one", n(1)))).build());
        ddb().transactWriteItems(b -> b.transactItems(items).clientRequestToken(token));
        ddb().transactWriteItems(b -> b.transactItems(items).clientRequestToken(token));
        // The second call with the same token and the same request is answered without running again.
        assertThat(read("tx-idem").get("n")).isEqualTo(n(1));
        ddb().transactWriteItems(b -> b.transactItems(items).clientRequestToken(UUID.randomUUID().toString()));
        assertThat(read("tx-idem").get("n")).isEqualTo(n(2));
    }

    @Test
    void aReusedTokenWithDifferentParametersIsAMismatch() {
        String token = UUID.randomUUID().toString();
        ddb().transactWriteItems(b -> b.transactItems(put(item("pk", s("tx-tok-a")))).clientRequestToken(token));
        var e = failure(() -> ddb().transactWriteItems(b -> b.transactItems(put(item("pk", s("tx-tok-b")))).clientRequestToken(token)),
                IdempotentParameterMismatchException.class);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IdempotentParameterMismatchException");
        assertThat(read("tx-tok-b")).isEmpty();
    }

    @Test
    void transactGetAnswersInRequestOrderWithEmptyResponsesForMissingItems() {
        ddb().putItem(b -> b.tableName(table).item(item("pk", s("tg-1"), "a", s("A"), "b", s("B"))));
        ddb().putItem(b -> b.tableName(table).item(item("pk", s("tg-2"), "a", s("A2"))));
        var r = ddb().transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s("tg-2")))).build(),
                TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s("tg-missing")))).build(),
                TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s("tg-1"))).projectionExpression("b")).build()));
        assertThat(r.responses()).hasSize(3);
        assertThat(r.responses().get(0).item()).isEqualTo(item("pk", s("tg-2"), "a", s("A2")));
        assertThat(r.responses().get(1).hasItem()).isFalse();
        assertThat(r.responses().get(2).item()).isEqualTo(item("b", s("B")));
    }

    @Test
    void indexesBreakdownSplitsTransactionalUnitsToo() {
        // nubo-db/dynoxide#123, characterised against DynamoDB: transactions (only they) report the read or
        // write split beside CapacityUnits, in the per-table breakdown as well.
        var w = ddb().transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .transactItems(put(item("pk", s("tx-idx-1")))));
        assertThat(w.consumedCapacity()).singleElement().satisfies(c -> {
            assertThat(c.table().capacityUnits()).isEqualTo(2.0);
            assertThat(c.table().writeCapacityUnits()).isEqualTo(2.0);
            assertThat(c.table().readCapacityUnits()).isNull();
        });
        var single = ddb().putItem(b -> b.tableName(table).item(item("pk", s("tx-idx-2")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(single.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        assertThat(single.consumedCapacity().writeCapacityUnits()).isNull();
    }

    @Test
    void transactionsConsumeTwiceTheCapacity() {
        var w = ddb().transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(put(item("pk", s("tx-cap-1"))), put(item("pk", s("tx-cap-2")))));
        assertThat(w.consumedCapacity()).singleElement().satisfies(c -> {
            assertThat(c.tableName()).isEqualTo(table);
            assertThat(c.capacityUnits()).isEqualTo(4.0);
            assertThat(c.writeCapacityUnits()).isEqualTo(4.0);
        });
        var g = ddb().transactGetItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(TransactGetItem.builder().get(x -> x.tableName(table).key(item("pk", s("tx-cap-1")))).build()));
        assertThat(g.consumedCapacity()).singleElement().satisfies(c -> {
            assertThat(c.capacityUnits()).isEqualTo(2.0);
            assertThat(c.readCapacityUnits()).isEqualTo(2.0);
        });
    }
}
