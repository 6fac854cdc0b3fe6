package dev.mediapipeline.localaws.dynamodb;

import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.assertError;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.n;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The parameters from before expressions, as older SDK code still sends them. */
class LegacyParametersTest {

    private static final DynamoDbClient DYNAMO = DynamoDbTesting.client(SharedLocalAws.endpoint());
    private static final String TABLE = DynamoDbTesting.tableName("Legacy");

    @BeforeAll
    static void table() {
        DynamoDbTesting.createTable(DYNAMO, TABLE, true);
        for (String sk : new String[] {"a", "b", "c"}) {
            DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", s("p"), "Sk", s(sk), "V", n(sk.equals("b") ? "2" : "1"))));
        }
    }

    @AfterAll
    static void close() {
        DYNAMO.close();
    }

    @Test
    void expectedGuardsAWrite() {
        assertError(() -> DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Pk", s("p"), "Sk", s("a")))
                        .expected(Map.of("Pk", ExpectedAttributeValue.builder().exists(false).build()))),
                ConditionalCheckFailedException.class, "The conditional request failed");
    }

    @Test
    void keyConditionsQueryFilterAndAttributesToGet() {
        var response = DYNAMO.query(b -> b.tableName(TABLE)
                .keyConditions(Map.of("Pk", eq(s("p")), "Sk", Condition.builder()
                        .comparisonOperator(ComparisonOperator.GE).attributeValueList(s("b")).build()))
                .queryFilter(Map.of("V", eq(n("1"))))
                .attributesToGet("Sk"));
        assertThat(response.items()).containsExactly(Map.of("Sk", s("c")));
        assertThat(response.scannedCount()).isEqualTo(2);
        assertError(() -> DYNAMO.query(b -> b.tableName(TABLE).keyConditions(Map.of("Pk", eq(s("p"))))
                        .attributesToGet("Sk").select(Select.ALL_ATTRIBUTES)), DynamoDbException.class,
                "Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES");
    }

    @Test
    void attributeUpdatesAndScanFilter() {
        DYNAMO.updateItem(b -> b.tableName(TABLE).key(Map.of("Pk", s("p"), "Sk", s("a")))
                .attributeUpdates(Map.of("V", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("5")).build())));
        var scanned = DYNAMO.scan(b -> b.tableName(TABLE).scanFilter(Map.of("V", eq(n("6")))));
        assertThat(scanned.items()).extracting(i -> i.get("Sk").s()).containsExactly("a");
    }

    private static Condition eq(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        return Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(value).build();
    }
}
