package dev.mediapipeline.localaws.dynamodb;

import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.assertError;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.key;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.n;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class ConditionalWritesTest {

    private static final DynamoDbClient DYNAMO = DynamoDbTesting.client(SharedLocalAws.endpoint());
    private static final String TABLE = DynamoDbTesting.tableName("Conditional");

    @BeforeAll
    static void table() {
        DynamoDbTesting.createTable(DYNAMO, TABLE, false);
    }

    @AfterAll
    static void close() {
        DYNAMO.close();
    }

    @Test
    void aFailedConditionWritesNothingAndCanReturnTheItem() {
        DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", s("c1"), "V", n("1"))));
        assertError(() -> DYNAMO.putItem(b -> b.tableName(TABLE).item(key("c1"))
                        .conditionExpression("attribute_not_exists(Pk)")), ConditionalCheckFailedException.class,
                "The conditional request failed");
        var failure = (ConditionalCheckFailedException) catchFailure(() -> DYNAMO.deleteItem(b -> b.tableName(TABLE)
                .key(key("c1")).conditionExpression("V = :two").expressionAttributeValues(Map.of(":two", n("2")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(failure.item()).isEqualTo(Map.of("Pk", s("c1"), "V", n("1")));
        assertThat(DYNAMO.getItem(b -> b.tableName(TABLE).key(key("c1"))).item()).containsEntry("V", n("1"));
    }

    @Test
    void updateItemCreatesChangesAndReturnsWhatItWasAskedFor() {
        var created = DYNAMO.updateItem(b -> b.tableName(TABLE).key(key("u1")).updateExpression("SET V = :one, W = :w")
                .expressionAttributeValues(Map.of(":one", n("1"), ":w", s("w"))).returnValues(ReturnValue.ALL_NEW));
        assertThat(created.attributes()).isEqualTo(Map.of("Pk", s("u1"), "V", n("1"), "W", s("w")));
        var updatedOld = DYNAMO.updateItem(b -> b.tableName(TABLE).key(key("u1")).updateExpression("ADD V :one")
                .expressionAttributeValues(Map.of(":one", n("1"))).returnValues(ReturnValue.UPDATED_OLD));
        assertThat(updatedOld.attributes()).isEqualTo(Map.of("V", n("1")));
        var updatedNew = DYNAMO.updateItem(b -> b.tableName(TABLE).key(key("u1")).updateExpression("REMOVE W SET V = V + :one")
                .conditionExpression("attribute_exists(W)")
                .expressionAttributeValues(Map.of(":one", n("1"))).returnValues(ReturnValue.UPDATED_NEW));
        assertThat(updatedNew.attributes()).isEqualTo(Map.of("V", n("3")));
        assertError(() -> DYNAMO.updateItem(b -> b.tableName(TABLE).key(key("u1")).updateExpression("SET Pk = :x")
                        .expressionAttributeValues(Map.of(":x", s("x")))), DynamoDbException.class,
                "One or more parameter values were invalid: Cannot update attribute Pk. This attribute is part of the key");
    }

    @Test
    void expressionAndNonExpressionParametersDoNotMix() {
        assertError(() -> DYNAMO.putItem(b -> b.tableName(TABLE).item(key("m"))
                        .conditionExpression("attribute_not_exists(Pk)")
                        .expected(Map.of("Pk", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder()
                                .exists(false).build()))), DynamoDbException.class,
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
    }

    @Test
    void aTransactionWithAFailedConditionIsCancelledWithReasonsInOrder() {
        DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", s("t1"), "V", n("1"))));
        var failure = (TransactionCanceledException) catchFailure(() -> DYNAMO.transactWriteItems(b -> b.transactItems(
                t -> t.conditionCheck(c -> c.tableName(TABLE).key(key("t1")).conditionExpression("V = :two")
                        .expressionAttributeValues(Map.of(":two", n("2")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
                t -> t.put(p -> p.tableName(TABLE).item(key("t2"))))));
        assertThat(failure.awsErrorDetails().errorMessage()).isEqualTo(
                "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]");
        assertThat(failure.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("ConditionalCheckFailed", "None");
        assertThat(failure.cancellationReasons().get(0).item()).containsEntry("V", n("1"));
        assertThat(DYNAMO.getItem(b -> b.tableName(TABLE).key(key("t2"))).hasItem()).isFalse();
    }

    @Test
    void aClientRequestTokenMakesATransactionIdempotent() {
        DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", s("i1"), "V", n("0"))));
        for (int i = 0; i < 2; i++) {
            DYNAMO.transactWriteItems(b -> b.clientRequestToken("token-i1").transactItems(t -> t.update(u -> u
                    .tableName(TABLE).key(key("i1")).updateExpression("ADD V :one")
                    .expressionAttributeValues(Map.of(":one", n("1"))))));
        }
        assertThat(DYNAMO.getItem(b -> b.tableName(TABLE).key(key("i1"))).item()).containsEntry("V", n("1"));
        assertThatThrownBy(() -> DYNAMO.transactWriteItems(b -> b.clientRequestToken("token-i1").transactItems(t -> t
                .delete(d -> d.tableName(TABLE).key(key("i1")))))).isInstanceOf(IdempotentParameterMismatchException.class);
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
