package dev.mediapipeline.localaws.dynamodb.conformance;

import static dev.mediapipeline.localaws.dynamodb.conformance.Ddb.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query on the table, a GSI and an LSI: key conditions, order, Limit, paging, Select, filters, 1 MB pages. */
class QueryConformanceTest {

    private static String table;
    private static String stringTable;

    @BeforeAll
    static void tables() {
        table = createTable("Query", b -> b
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N),
                        attr("g", ScalarAttributeType.S), attr("l", ScalarAttributeType.S))
                .keySchema(hashKey("pk"), rangeKey("sk"))
                .globalSecondaryIndexes(gsi("ByG", ProjectionType.KEYS_ONLY, hashKey("g"), rangeKey("sk")),
                        gsi("ByGAll", ProjectionType.ALL, hashKey("g")))
                .localSecondaryIndexes(lsi("ByL", ProjectionType.ALL, hashKey("pk"), rangeKey("l"))));
        stringTable = rangeTable("QueryS", ScalarAttributeType.S);
    }

    private static void put(String t, Map<String, AttributeValue> it) {
        ddb().putItem(b -> b.tableName(t).item(it));
    }

    /** Items pk=p, sk=each number, with x = "v"+sk. */
    private static void numbers(String p, String... sortKeys) {
        for (String sk : sortKeys) {
            put(table, item("pk", s(p), "sk", n(sk), "x", s("v" + sk)));
        }
    }

    private static QueryResponse query(String p, String sortCondition, Map<String, AttributeValue> more,
            java.util.function.Consumer<QueryRequest.Builder> extra) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(more);
        values.put(":p", s(p));
        QueryRequest.Builder builder = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :p" + (sortCondition == null ? "" : " AND " + sortCondition))
                .expressionAttributeValues(values);
        extra.accept(builder);
        return ddb().query(builder.build());
    }

    private static List<String> sortKeys(QueryResponse r) {
        return r.items().stream().map(i -> i.get("sk").n()).toList();
    }

    @Test
    void numbersSortNumericallyAscendingAndDescending() {
        numbers("order", "10", "9", "-1", "1.5", "100", "0");
        assertThat(sortKeys(query("order", null, Map.of(), b -> { }))).containsExactly("-1", "0", "1.5", "9", "10", "100");
        assertThat(sortKeys(query("order", null, Map.of(), b -> b.scanIndexForward(false))))
                .containsExactly("100", "10", "9", "1.5", "0", "-1");
    }

    @Test
    void stringsSortByUtf8Bytes() {
        for (String sk : List.of("b", "a", "B", "10", "2", "aa", "é")) {
            put(stringTable, item("pk", s("str"), "sk", s(sk)));
        }
        var r = ddb().query(b -> b.tableName(stringTable).keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", s("str"))));
        assertThat(r.items()).extracting(i -> i.get("sk").s()).containsExactly("10", "2", "B", "a", "aa", "b", "é");
    }

    @Test
    void sortKeyConditions() {
        numbers("cond", "1", "2", "3", "4", "5");
        assertThat(sortKeys(query("cond", "sk = :v", item(":v", n("3")), b -> { }))).containsExactly("3");
        assertThat(sortKeys(query("cond", "sk < :v", item(":v", n("3")), b -> { }))).containsExactly("1", "2");
        assertThat(sortKeys(query("cond", "sk <= :v", item(":v", n("3")), b -> { }))).containsExactly("1", "2", "3");
        assertThat(sortKeys(query("cond", "sk > :v", item(":v", n("3")), b -> { }))).containsExactly("4", "5");
        assertThat(sortKeys(query("cond", "sk >= :v", item(":v", n("3")), b -> { }))).containsExactly("3", "4", "5");
        assertThat(sortKeys(query("cond", "sk BETWEEN :a AND :b", item(":a", n("2"), ":b", n("4")), b -> { })))
                .containsExactly("2", "3", "4");
    }

    @Test
    void beginsWithOnAStringSortKey() {
        for (String sk : List.of("user#1", "user#2", "order#1", "user")) {
            put(stringTable, item("pk", s("bw"), "sk", s(sk)));
        }
        var r = ddb().query(b -> b.tableName(stringTable).keyConditionExpression("pk = :p AND begins_with(sk, :pre)")
                .expressionAttributeValues(item(":p", s("bw"), ":pre", s("user#"))));
        assertThat(r.items()).extracting(i -> i.get("sk").s()).containsExactly("user#1", "user#2");
    }

    @Test
    void keyConditionInParenthesesWithPlaceholders() {
        numbers("paren", "1", "2");
        var r = ddb().query(b -> b.tableName(table).keyConditionExpression("(#p = :p) AND (#s > :v)")
                .expressionAttributeNames(names("#p", "pk", "#s", "sk"))
                .expressionAttributeValues(item(":p", s("paren"), ":v", n("1"))));
        assertThat(sortKeys(r)).containsExactly("2");
    }

    @Test
    void limitAndLastEvaluatedKeyPageThroughTheResult() {
        numbers("paged", "1", "2", "3", "4", "5");
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = query("paged", null, Map.of(), b -> b.limit(2).exclusiveStartKey(from));
            seen.addAll(sortKeys(page));
            assertThat(page.count()).isEqualTo(page.items().size());
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                assertThat(start).isEqualTo(item("pk", s("paged"), "sk", n(seen.get(seen.size() - 1))));
            }
            pages++;
        } while (start != null && pages < 10);
        assertThat(seen).containsExactly("1", "2", "3", "4", "5");
        // 2 + 2 + 1: the last page is short, so DynamoDB knows it is the end.
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void limitEqualToTheMatchCountStillAnswersALastEvaluatedKey() {
        numbers("exact", "1", "2");
        QueryResponse page = query("exact", null, Map.of(), b -> b.limit(2));
        assertThat(page.count()).isEqualTo(2);
        assertThat(page.lastEvaluatedKey()).isEqualTo(item("pk", s("exact"), "sk", n("2")));
        QueryResponse rest = query("exact", null, Map.of(), b -> b.limit(2).exclusiveStartKey(page.lastEvaluatedKey()));
        assertThat(rest.count()).isZero();
        assertThat(rest.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void filterExpressionCountsAndScannedCount() {
        for (int i = 1; i <= 6; i++) {
            put(table, item("pk", s("filtered"), "sk", n(i), "even", bool(i % 2 == 0)));
        }
        QueryResponse r = query("filtered", null, item(":t", bool(true)), b -> b.filterExpression("even = :t"));
        assertThat(sortKeys(r)).containsExactly("2", "4", "6");
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.scannedCount()).isEqualTo(6);
        // Limit caps the items evaluated, before the filter.
        QueryResponse limited = query("filtered", null, item(":t", bool(true)), b -> b.filterExpression("even = :t").limit(3));
        assertThat(sortKeys(limited)).containsExactly("2");
        assertThat(limited.scannedCount()).isEqualTo(3);
        assertThat(limited.lastEvaluatedKey()).isEqualTo(item("pk", s("filtered"), "sk", n("3")));
    }

    @Test
    void selectCountAnswersNoItems() {
        numbers("count", "1", "2", "3");
        QueryResponse r = query("count", null, Map.of(), b -> b.select(Select.COUNT));
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.scannedCount()).isEqualTo(3);
        assertThat(r.hasItems()).isFalse();
    }

    @Test
    void selectCountWithAFilterCountsMatchesAndScannedSeparately() {
        numbers("count-filtered", "1", "2", "3", "4", "5");
        QueryResponse r = query("count-filtered", null, item(":v", s("v3")), b -> b.select(Select.COUNT).filterExpression("x >= :v"));
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.scannedCount()).isEqualTo(5);
        assertThat(r.hasItems()).isFalse();
        QueryResponse limited = query("count-filtered", null, item(":v", s("v3")),
                b -> b.select(Select.COUNT).filterExpression("x >= :v").limit(2));
        assertThat(limited.count()).isZero();
        assertThat(limited.lastEvaluatedKey()).isEqualTo(item("pk", s("count-filtered"), "sk", n("2")));
    }

    @Test
    void projectionExpressionAndSpecificAttributes() {
        put(table, item("pk", s("proj"), "sk", n(1), "a", s("A"), "b", s("B")));
        QueryResponse r = query("proj", null, Map.of(), b -> b.projectionExpression("a"));
        assertThat(r.items()).containsExactly(item("a", s("A")));
        QueryResponse legacy = query("proj", null, Map.of(), b -> b.attributesToGet("b").select(Select.SPECIFIC_ATTRIBUTES)
                .keyConditionExpression(null).expressionAttributeValues(null)
                .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("proj")).build())));
        assertThat(legacy.items()).containsExactly(item("b", s("B")));
    }

    @Test
    void legacyKeyConditionsAndQueryFilter() {
        numbers("legacy", "1", "2", "3", "4");
        var r = ddb().query(b -> b.tableName(table)
                .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("legacy")).build(),
                        "sk", Condition.builder().comparisonOperator(ComparisonOperator.GE).attributeValueList(n("2")).build()))
                .queryFilter(Map.of("x", Condition.builder().comparisonOperator(ComparisonOperator.NE).attributeValueList(s("v3")).build())));
        assertThat(sortKeys(r)).containsExactly("2", "4");
        assertThat(r.scannedCount()).isEqualTo(3);
    }

    @Test
    void globalSecondaryIndexKeysOnlyProjection() {
        put(table, item("pk", s("gsi-a"), "sk", n(2), "g", s("group-1"), "x", s("hidden")));
        put(table, item("pk", s("gsi-b"), "sk", n(1), "g", s("group-1"), "x", s("hidden")));
        put(table, item("pk", s("gsi-c"), "sk", n(3), "x", s("not indexed")));
        var r = ddb().query(b -> b.tableName(table).indexName("ByG").keyConditionExpression("g = :g")
                .expressionAttributeValues(item(":g", s("group-1"))));
        // Index key + table key only, ordered by the index sort key.
        assertThat(r.items()).containsExactly(item("pk", s("gsi-b"), "sk", n(1), "g", s("group-1")),
                item("pk", s("gsi-a"), "sk", n(2), "g", s("group-1")));
        var page = ddb().query(b -> b.tableName(table).indexName("ByG").keyConditionExpression("g = :g")
                .expressionAttributeValues(item(":g", s("group-1"))).limit(1));
        // An index's LastEvaluatedKey carries the index keys and the table keys.
        assertThat(page.lastEvaluatedKey()).isEqualTo(item("pk", s("gsi-b"), "sk", n(1), "g", s("group-1")));
    }

    @Test
    void globalSecondaryIndexWithoutSortKeyReturnsAllAttributes() {
        put(table, item("pk", s("gsi-all"), "sk", n(1), "g", s("group-all"), "x", s("visible")));
        var r = ddb().query(b -> b.tableName(table).indexName("ByGAll").keyConditionExpression("g = :g")
                .expressionAttributeValues(item(":g", s("group-all"))));
        assertThat(r.items()).containsExactly(item("pk", s("gsi-all"), "sk", n(1), "g", s("group-all"), "x", s("visible")));
    }

    @Test
    void localSecondaryIndexOrdersByItsSortKey() {
        put(table, item("pk", s("lsi"), "sk", n(1), "l", s("c")));
        put(table, item("pk", s("lsi"), "sk", n(2), "l", s("a")));
        put(table, item("pk", s("lsi"), "sk", n(3)));
        var r = ddb().query(b -> b.tableName(table).indexName("ByL").keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", s("lsi"))).consistentRead(true));
        assertThat(sortKeys(r)).containsExactly("2", "1");
    }

    @Test
    void selectAllAttributesOnAKeysOnlyIndexIsRejected() {
        assertValidation(() -> ddb().query(b -> b.tableName(table).indexName("ByG").keyConditionExpression("g = :g")
                        .expressionAttributeValues(item(":g", s("x"))).select(Select.ALL_ATTRIBUTES)),
                "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global "
                        + "secondary index ByG because its projection type is not ALL");
    }

    @Test
    void consistentReadOnAGlobalIndexIsRejected() {
        assertValidation(() -> ddb().query(b -> b.tableName(table).indexName("ByG").keyConditionExpression("g = :g")
                        .expressionAttributeValues(item(":g", s("x"))).consistentRead(true)),
                "Consistent reads are not supported on global secondary indexes");
    }

    @Test
    void unknownIndexIsRejected() {
        assertValidation(() -> ddb().query(b -> b.tableName(table).indexName("Nope").keyConditionExpression("pk = :p")
                        .expressionAttributeValues(item(":p", s("x")))),
                "The table does not have the specified index: Nope");
    }

    @Test
    void keyConditionMustNameThePartitionKey() {
        assertValidation(() -> ddb().query(b -> b.tableName(table).keyConditionExpression("sk = :v")
                        .expressionAttributeValues(item(":v", n("1")))),
                "Query condition missed key schema element: pk");
        assertValidation(() -> ddb().query(b -> b.tableName(table).indexName("ByG").keyConditionExpression("pk = :v")
                        .expressionAttributeValues(item(":v", s("1")))),
                "Query condition missed key schema element: g");
    }

    @Test
    void partitionKeyConditionMustBeEquality() {
        assertValidation(() -> ddb().query(b -> b.tableName(table).keyConditionExpression("pk > :v")
                        .expressionAttributeValues(item(":v", s("1")))),
                "Query key condition not supported");
    }

    @Test
    void keyConditionRejectsOrAndNonKeyFunctions() {
        assertValidation(() -> ddb().query(b -> b.tableName(table).keyConditionExpression("pk = :p OR sk = :v")
                        .expressionAttributeValues(item(":p", s("1"), ":v", n("1")))),
                "Invalid operator used in KeyConditionExpression: OR");
        // Recorded against DynamoDB by dynalite (test/query.js): no "Invalid KeyConditionExpression: " prefix.
        assertValidation(() -> ddb().query(b -> b.tableName(table).keyConditionExpression("pk = :p AND attribute_exists(sk)")
                        .expressionAttributeValues(item(":p", s("1")))),
                "Invalid operator used in KeyConditionExpression: attribute_exists");
    }

    @Test
    void keyConditionValueOfTheWrongTypeIsRejected() {
        assertValidation(() -> ddb().query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(item(":p", n("1")))),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }

    @Test
    void filterOnAKeyAttributeIsRejected() {
        assertValidation(() -> query("x", null, item(":v", n("1")), b -> b.filterExpression("sk = :v")),
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
    }

    @Test
    void filterOnTheQueriedKeysIsRejectedWhateverItsForm() {
        // dynalite test/query.js, recorded against DynamoDB: the partition key is named first, and the
        // legacy QueryFilter names itself; on an index it is the index's key that is refused.
        assertValidation(() -> query("x", null, item(":v", s("1"), ":n", n(1)), b -> b.filterExpression("pk = :v OR sk > :n")),
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: pk");
        assertValidation(() -> ddb().query(b -> b.tableName(table)
                        .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                                .attributeValueList(s("x")).build()))
                        .queryFilter(Map.of("sk", Condition.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build()))),
                "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk");
        assertValidation(() -> ddb().query(b -> b.tableName(table).indexName("ByGAll").keyConditionExpression("g = :g")
                        .filterExpression("size(g) > :n").expressionAttributeValues(item(":g", s("x"), ":n", n(0)))),
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: g");
        var onIndex = ddb().query(b -> b.tableName(table).indexName("ByGAll").keyConditionExpression("g = :g")
                .filterExpression("pk = :p").expressionAttributeValues(item(":g", s("nobody"), ":p", s("x"))));
        assertThat(onIndex.count()).isZero();
    }

    @Test
    void keyConditionShapeErrorsCarryNoExpressionPrefix() {
        // dynalite test/query.js: these come from checking the key condition, not from parsing it.
        assertValidation(() -> query("x", ":a BETWEEN sk AND :b", item(":a", n(1), ":b", n(2)), b -> { }),
                "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
        assertValidation(() -> query("x", "sk <> :a", item(":a", n(1)), b -> { }),
                "Invalid operator used in KeyConditionExpression: <>");
    }

    @Test
    void expressionAttributeValuesWithoutFilterOrKeyConditionAreRejected() {
        // dynalite test/query.js: ProjectionExpression takes no values, so it does not count.
        assertValidation(() -> ddb().query(b -> b.tableName(table)
                        .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                                .attributeValueList(s("x")).build()))
                        .expressionAttributeValues(item(":v", s("1")))),
                "ExpressionAttributeValues can only be specified when using expressions: FilterExpression and "
                        + "KeyConditionExpression are null");
    }

    @Test
    void selectValuesAreListedInDynamoDbsOrder() {
        assertValidation(() -> query("x", null, Map.of(), b -> b.select("EVERYTHING")),
                "1 validation error detected: Value 'EVERYTHING' at 'select' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
    }

    @Test
    void missingKeyConditionIsRejected() {
        assertValidation(() -> ddb().query(b -> b.tableName(table)),
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }

    @Test
    void limitMustBePositive() {
        assertValidation(() -> query("x", null, Map.of(), b -> b.limit(0)),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
    }

    @Test
    void exclusiveStartKeyMustMatchTheSchema() {
        assertValidationStartingWith(() -> query("x", null, Map.of(), b -> b.exclusiveStartKey(item("pk", s("x")))),
                "The provided starting key is invalid");
    }

    @Test
    void aPageStopsAtOneMegabyte() {
        String big = repeat('x', 100_000);
        for (int i = 0; i < 12; i++) {
            put(table, item("pk", s("mb"), "sk", n(i), "data", s(big)));
        }
        QueryResponse first = query("mb", null, Map.of(), b -> b.projectionExpression("sk"));
        // ~1.2 MB of items: the first page ends at 1 MB even though the projection is small.
        assertThat(first.count()).isBetween(9, 11);
        assertThat(first.hasLastEvaluatedKey()).isTrue();
        QueryResponse second = query("mb", null, Map.of(), b -> b.projectionExpression("sk").exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(first.count() + second.count()).isEqualTo(12);
        assertThat(second.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void queryOfAnEmptyPartitionAnswersZeroItems() {
        QueryResponse r = query("nobody-home", null, Map.of(), b -> { });
        assertThat(r.count()).isZero();
        assertThat(r.scannedCount()).isZero();
        assertThat(r.hasItems()).isTrue();
        assertThat(r.items()).isEmpty();
        assertThat(r.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void queryOfAMissingTableIsResourceNotFound() {
        assertTableNotFound(() -> ddb().query(b -> b.tableName(uniqueName("Missing")).keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", s("x")))));
    }
}
