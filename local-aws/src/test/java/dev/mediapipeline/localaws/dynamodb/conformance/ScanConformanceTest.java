package dev.mediapipeline.localaws.dynamodb.conformance;

import static dev.mediapipeline.localaws.dynamodb.conformance.Ddb.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Scan: filters, Count/ScannedCount, Limit paging, parallel segments, index scans and their validations. */
class ScanConformanceTest {

    private static String table;

    @BeforeAll
    static void seed() {
        table = createTable("Scan", b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
                .keySchema(hashKey("pk")).globalSecondaryIndexes(gsi("ByG", ProjectionType.KEYS_ONLY, hashKey("g"))));
        for (int i = 0; i < 20; i++) {
            Map<String, AttributeValue> it = item("pk", s("k" + i), "n", n(i), "mod", n(i % 3));
            if (i < 5) {
                it.put("g", s("grp"));
            }
            ddb().putItem(b -> b.tableName(table).item(it));
        }
    }

    private static List<String> keys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("pk").s()).toList();
    }

    @Test
    void scanReadsEveryItem() {
        ScanResponse r = ddb().scan(b -> b.tableName(table));
        assertThat(r.count()).isEqualTo(20);
        assertThat(r.scannedCount()).isEqualTo(20);
        assertThat(new HashSet<>(keys(r.items()))).hasSize(20);
        assertThat(r.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void filterExpressionKeepsScannedCount() {
        ScanResponse r = ddb().scan(b -> b.tableName(table).filterExpression("#m = :zero AND n >= :six")
                .expressionAttributeNames(names("#m", "mod")).expressionAttributeValues(item(":zero", n(0), ":six", n(6))));
        assertThat(r.items()).extracting(i -> i.get("n").n()).containsExactlyInAnyOrder("6", "9", "12", "15", "18");
        assertThat(r.count()).isEqualTo(5);
        assertThat(r.scannedCount()).isEqualTo(20);
    }

    @Test
    void limitPagesWithLastEvaluatedKey() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = ddb().scan(b -> b.tableName(table).limit(7).exclusiveStartKey(from));
            assertThat(page.scannedCount()).isLessThanOrEqualTo(7);
            seen.addAll(keys(page.items()));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                assertThat(start.keySet()).containsExactly("pk");
            }
            pages++;
        } while (start != null && pages < 10);
        assertThat(seen).hasSize(20).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void limitCountsItemsBeforeTheFilter() {
        ScanResponse r = ddb().scan(b -> b.tableName(table).limit(5).filterExpression("n > :big")
                .expressionAttributeValues(item(":big", n(1000))));
        assertThat(r.count()).isZero();
        assertThat(r.scannedCount()).isEqualTo(5);
        assertThat(r.hasLastEvaluatedKey()).isTrue();
    }

    @Test
    void parallelScanSegmentsPartitionTheTable() {
        Set<String> union = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 4; segment++) {
            int seg = segment;
            List<String> seen = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = ddb().scan(b -> b.tableName(table).segment(seg).totalSegments(4).limit(3).exclusiveStartKey(from));
                seen.addAll(keys(page.items()));
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            total += seen.size();
            union.addAll(seen);
        }
        assertThat(total).isEqualTo(20);
        assertThat(union).hasSize(20);
    }

    @Test
    void segmentAndTotalSegmentsGoTogether() {
        assertValidation(() -> ddb().scan(b -> b.tableName(table).segment(0)),
                "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        assertValidation(() -> ddb().scan(b -> b.tableName(table).totalSegments(2)),
                "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        assertValidation(() -> ddb().scan(b -> b.tableName(table).segment(2).totalSegments(2)),
                "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less than TotalSegments: 2");
    }

    @Test
    void totalSegmentsIsBounded() {
        assertValidation(() -> ddb().scan(b -> b.tableName(table).segment(0).totalSegments(1_000_001)),
                "1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 1000000");
    }

    @Test
    void selectCountAnswersOnlyCounts() {
        ScanResponse r = ddb().scan(b -> b.tableName(table).select(Select.COUNT));
        assertThat(r.count()).isEqualTo(20);
        assertThat(r.hasItems()).isFalse();
    }

    @Test
    void projectionExpressionLimitsAttributes() {
        ScanResponse r = ddb().scan(b -> b.tableName(table).projectionExpression("n").filterExpression("pk = :k")
                .expressionAttributeValues(item(":k", s("k3"))));
        assertThat(r.items()).containsExactly(item("n", n(3)));
    }

    @Test
    void legacyScanFilterWithConditionalOperator() {
        ScanResponse r = ddb().scan(b -> b.tableName(table).scanFilter(Map.of(
                        "n", Condition.builder().comparisonOperator(ComparisonOperator.LT).attributeValueList(n(2)).build(),
                        "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("k19")).build()))
                .conditionalOperator(ConditionalOperator.OR));
        assertThat(keys(r.items())).containsExactlyInAnyOrder("k0", "k1", "k19");
        ScanResponse in = ddb().scan(b -> b.tableName(table).scanFilter(Map.of(
                "n", Condition.builder().comparisonOperator(ComparisonOperator.IN).attributeValueList(n(4), n(5), n(99)).build())));
        assertThat(keys(in.items())).containsExactlyInAnyOrder("k4", "k5");
    }

    @Test
    void scanOfAGlobalIndexSeesOnlyIndexedItems() {
        ScanResponse r = ddb().scan(b -> b.tableName(table).indexName("ByG"));
        assertThat(r.count()).isEqualTo(5);
        assertThat(r.items()).allSatisfy(i -> assertThat(i.keySet()).containsExactlyInAnyOrder("pk", "g"));
    }

    @Test
    void scanOfAnUnknownIndexIsRejected() {
        assertValidation(() -> ddb().scan(b -> b.tableName(table).indexName("Nope")),
                "The table does not have the specified index: Nope");
    }

    @Test
    void filterAndScanFilterTogetherAreRejected() {
        assertValidation(() -> ddb().scan(b -> b.tableName(table).filterExpression("n = :v").expressionAttributeValues(item(":v", n(1)))
                        .scanFilter(Map.of("n", Condition.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build()))),
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {ScanFilter} Expression parameters: {FilterExpression}");
    }

    @Test
    void scanFilterComparisonOperatorIsNamedByItsPath() {
        // dynalite test/scan.js, recorded against DynamoDB.
        assertValidation(() -> ddb().scan(b -> b.tableName(table).scanFilter(Map.of("n", Condition.builder()
                        .attributeValueList(n(1)).build()))),
                "1 validation error detected: Value null at 'scanFilter.n.member.comparisonOperator' failed to satisfy "
                        + "constraint: Member must not be null");
        assertValidation(() -> ddb().scan(b -> b.tableName(table).scanFilter(Map.of("n", Condition.builder()
                        .comparisonOperator("LIKE").attributeValueList(n(1)).build()))),
                "1 validation error detected: Value 'LIKE' at 'scanFilter.n.member.comparisonOperator' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: "
                        + "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
    }

    @Test
    void aPageStopsAtOneMegabyte() {
        String t = hashTable("ScanMb");
        String big = repeat('y', 200_000);
        for (int i = 0; i < 7; i++) {
            int k = i;
            ddb().putItem(b -> b.tableName(t).item(item("pk", s("b" + k), "data", s(big))));
        }
        ScanResponse first = ddb().scan(b -> b.tableName(t).select(Select.COUNT));
        assertThat(first.count()).isBetween(4, 6);
        assertThat(first.hasLastEvaluatedKey()).isTrue();
        ScanResponse second = ddb().scan(b -> b.tableName(t).select(Select.COUNT).exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(first.count() + second.count()).isEqualTo(7);
    }

    @Test
    void scanOfAMissingTableIsResourceNotFound() {
        assertTableNotFound(() -> ddb().scan(b -> b.tableName(uniqueName("Missing"))));
    }
}
