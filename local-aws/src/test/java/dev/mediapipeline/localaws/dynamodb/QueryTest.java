package dev.mediapipeline.localaws.dynamodb;

import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.assertError;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.hash;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.n;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.number;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.range;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.s;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryTest {

    private static final DynamoDbClient DYNAMO = DynamoDbTesting.client(SharedLocalAws.endpoint());
    private static final String TABLE = DynamoDbTesting.tableName("Queried");

    /** Player u1 has scores -2.5, -1, 0, 1.5, 10, 100 under sort keys; u2 has one item. */
    @BeforeAll
    static void table() {
        DYNAMO.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("Player"), number("Score"), string("Tag"), string("Made"))
                .keySchema(hash("Player"), range("Score"))
                .globalSecondaryIndexes(g -> g.indexName("ByTag").keySchema(hash("Tag"), range("Score"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .localSecondaryIndexes(l -> l.indexName("ByMade").keySchema(hash("Player"), range("Made"))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("Note"))));
        String[] scores = {"100", "-1", "1.5", "0", "-2.5", "10"};
        for (int i = 0; i < scores.length; i++) {
            String score = scores[i];
            String made = "2024-0" + (scores.length - i);
            DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Player", s("u1"), "Score", n(score),
                    "Tag", s(score.startsWith("-") ? "neg" : "pos"), "Made", s(made), "Note", s("n" + score), "Big", s("b"))));
        }
        DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("Player", s("u2"), "Score", n("5"), "Tag", s("pos"))));
    }

    @AfterAll
    static void close() {
        DYNAMO.close();
    }

    @Test
    void sortKeyConditionsSelectARangeInNumberOrder() {
        assertThat(scores(query("Player = :u", Map.of(":u", s("u1"))))).containsExactly("-2.5", "-1", "0", "1.5", "10", "100");
        assertThat(scores(query("Player = :u AND Score < :v", Map.of(":u", s("u1"), ":v", n("0"))))).containsExactly("-2.5", "-1");
        assertThat(scores(query("Player = :u AND Score <= :v", Map.of(":u", s("u1"), ":v", n("0"))))).containsExactly("-2.5", "-1", "0");
        assertThat(scores(query("Player = :u AND Score > :v", Map.of(":u", s("u1"), ":v", n("1.5"))))).containsExactly("10", "100");
        assertThat(scores(query("Player = :u AND Score >= :v", Map.of(":u", s("u1"), ":v", n("1.5"))))).containsExactly("1.5", "10", "100");
        assertThat(scores(query("Player = :u AND Score = :v", Map.of(":u", s("u1"), ":v", n("10"))))).containsExactly("10");
        assertThat(scores(query("Player = :u AND Score BETWEEN :a AND :b", Map.of(":u", s("u1"), ":a", n("-1"), ":b", n("10")))))
                .containsExactly("-1", "0", "1.5", "10");
    }

    @Test
    void backwardsLimitedPagesAndFilters() {
        QueryResponse first = DYNAMO.query(b -> b.tableName(TABLE).keyConditionExpression("Player = :u")
                .expressionAttributeValues(Map.of(":u", s("u1"))).scanIndexForward(false).limit(2));
        assertThat(scores(first)).containsExactly("100", "10");
        assertThat(first.lastEvaluatedKey()).isEqualTo(Map.of("Player", s("u1"), "Score", n("10")));
        QueryResponse second = DYNAMO.query(b -> b.tableName(TABLE).keyConditionExpression("Player = :u")
                .expressionAttributeValues(Map.of(":u", s("u1"))).scanIndexForward(false).exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(scores(second)).containsExactly("1.5", "0", "-1", "-2.5");

        QueryResponse filtered = DYNAMO.query(b -> b.tableName(TABLE).keyConditionExpression("Player = :u")
                .filterExpression("Tag = :t").expressionAttributeValues(Map.of(":u", s("u1"), ":t", s("neg"))).limit(3));
        assertThat(scores(filtered)).containsExactly("-2.5", "-1");
        assertThat(filtered.scannedCount()).isEqualTo(3);
        assertThat(filtered.count()).isEqualTo(2);

        QueryResponse counted = DYNAMO.query(b -> b.tableName(TABLE).keyConditionExpression("Player = :u")
                .expressionAttributeValues(Map.of(":u", s("u1"))).select(Select.COUNT));
        assertThat(counted.count()).isEqualTo(6);
        assertThat(counted.hasItems()).isFalse();
    }

    @Test
    void aGlobalIndexAnswersWithItsProjectionAndIndexKeysInLastEvaluatedKey() {
        QueryResponse page = DYNAMO.query(b -> b.tableName(TABLE).indexName("ByTag").keyConditionExpression("Tag = :t")
                .expressionAttributeValues(Map.of(":t", s("pos"))).limit(2).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertThat(page.items()).containsExactly(Map.of("Player", s("u1"), "Score", n("0"), "Tag", s("pos")),
                Map.of("Player", s("u1"), "Score", n("1.5"), "Tag", s("pos")));
        assertThat(page.lastEvaluatedKey()).isEqualTo(Map.of("Player", s("u1"), "Score", n("1.5"), "Tag", s("pos")));
        assertThat(page.consumedCapacity().globalSecondaryIndexes().get("ByTag").capacityUnits()).isEqualTo(0.5);
        QueryResponse rest = DYNAMO.query(b -> b.tableName(TABLE).indexName("ByTag").keyConditionExpression("Tag = :t")
                .expressionAttributeValues(Map.of(":t", s("pos"))).exclusiveStartKey(page.lastEvaluatedKey()));
        assertThat(scores(rest)).containsExactly("5", "10", "100");

        assertError(() -> DYNAMO.query(b -> b.tableName(TABLE).indexName("ByTag").keyConditionExpression("Tag = :t")
                        .expressionAttributeValues(Map.of(":t", s("pos"))).consistentRead(true)), DynamoDbException.class,
                "Consistent reads are not supported on global secondary indexes");
        assertError(() -> DYNAMO.query(b -> b.tableName(TABLE).indexName("Nope").keyConditionExpression("Tag = :t")
                        .expressionAttributeValues(Map.of(":t", s("pos")))), DynamoDbException.class,
                "The table does not have the specified index: Nope");
    }

    @Test
    void aLocalIndexOrdersByItsSortKeyAndFetchesTheRestFromTheTable() {
        QueryResponse projected = DYNAMO.query(b -> b.tableName(TABLE).indexName("ByMade")
                .keyConditionExpression("Player = :u AND begins_with(Made, :y)")
                .expressionAttributeValues(Map.of(":u", s("u1"), ":y", s("2024-0"))).limit(1));
        assertThat(projected.items().get(0).keySet()).containsExactlyInAnyOrder("Player", "Score", "Made", "Note");
        assertThat(projected.items().get(0).get("Made").s()).isEqualTo("2024-01");
        QueryResponse all = DYNAMO.query(b -> b.tableName(TABLE).indexName("ByMade").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("Player = :u").expressionAttributeValues(Map.of(":u", s("u1"))));
        assertThat(all.items()).extracting(i -> i.get("Made").s())
                .containsExactly("2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06");
        assertThat(all.items().get(0)).containsKey("Big");
    }

    private static QueryResponse query(String keyCondition, Map<String, AttributeValue> values) {
        return DYNAMO.query(b -> b.tableName(TABLE).keyConditionExpression(keyCondition).expressionAttributeValues(values));
    }

    private static List<String> scores(QueryResponse response) {
        return response.items().stream().map(i -> i.get("Score").n()).toList();
    }
}
