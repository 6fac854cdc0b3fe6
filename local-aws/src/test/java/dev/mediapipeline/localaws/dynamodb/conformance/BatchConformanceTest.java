package dev.mediapipeline.localaws.dynamodb.conformance;

import static dev.mediapipeline.localaws.dynamodb.conformance.Ddb.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem and BatchWriteItem: mixed tables, projections, limits, duplicates and unprocessed work. */
class BatchConformanceTest {

    private static String one;
    private static String two;

    @BeforeAll
    static void tables() {
        one = hashTable("BatchOne");
        two = hashTable("BatchTwo");
    }

    private static WriteRequest put(Map<String, AttributeValue> it) {
        return WriteRequest.builder().putRequest(p -> p.item(it)).build();
    }

    private static WriteRequest delete(String pk) {
        return WriteRequest.builder().deleteRequest(d -> d.key(item("pk", s(pk)))).build();
    }

    @Test
    void batchWritePutsAndDeletesAcrossTables() {
        ddb().putItem(b -> b.tableName(one).item(item("pk", s("bw-old"))));
        var r = ddb().batchWriteItem(b -> b.requestItems(Map.of(
                one, List.of(put(item("pk", s("bw-1"), "v", n(1))), delete("bw-old")),
                two, List.of(put(item("pk", s("bw-2"), "v", n(2)))))));
        assertThat(r.unprocessedItems()).isEmpty();
        assertThat(ddb().getItem(b -> b.tableName(one).key(item("pk", s("bw-1")))).item()).isEqualTo(item("pk", s("bw-1"), "v", n(1)));
        assertThat(ddb().getItem(b -> b.tableName(one).key(item("pk", s("bw-old")))).hasItem()).isFalse();
        assertThat(ddb().getItem(b -> b.tableName(two).key(item("pk", s("bw-2")))).item()).isEqualTo(item("pk", s("bw-2"), "v", n(2)));
    }

    @Test
    void batchGetReadsAcrossTablesWithProjection() {
        ddb().putItem(b -> b.tableName(one).item(item("pk", s("bg-1"), "a", s("A"), "b", s("B"))));
        ddb().putItem(b -> b.tableName(two).item(item("pk", s("bg-2"), "a", s("A2"))));
        var r = ddb().batchGetItem(b -> b.requestItems(Map.of(
                one, KeysAndAttributes.builder().keys(item("pk", s("bg-1")), item("pk", s("bg-missing"))).projectionExpression("#a")
                        .expressionAttributeNames(names("#a", "a")).build(),
                two, KeysAndAttributes.builder().keys(item("pk", s("bg-2"))).consistentRead(true).build())));
        assertThat(r.responses().get(one)).containsExactly(item("a", s("A")));
        assertThat(r.responses().get(two)).containsExactly(item("pk", s("bg-2"), "a", s("A2")));
        assertThat(r.unprocessedKeys()).isEmpty();
    }

    @Test
    void batchGetOfOnlyMissingKeysAnswersAnEmptyListForTheTable() {
        var r = ddb().batchGetItem(b -> b.requestItems(Map.of(one, KeysAndAttributes.builder().keys(item("pk", s("none"))).build())));
        assertThat(r.responses()).containsKey(one);
        assertThat(r.responses().get(one)).isEmpty();
    }

    @Test
    void batchGetAcceptsAtMostOneHundredKeys() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(item("pk", s("k" + i)));
        }
        // dynalite test/batchGetItem.js, recorded against DynamoDB: within one table it is Keys' own constraint.
        assertValidationContaining(() -> ddb().batchGetItem(b -> b.requestItems(Map.of(one, KeysAndAttributes.builder().keys(keys).build()))),
                "at 'requestItems." + one + ".member.keys' failed to satisfy constraint: Member must have length less than or equal to 100");
        var ok = ddb().batchGetItem(b -> b.requestItems(Map.of(one, KeysAndAttributes.builder().keys(keys.subList(0, 100)).build())));
        assertThat(ok.unprocessedKeys()).isEmpty();
    }

    @Test
    void batchWriteAcceptsAtMostTwentyFiveRequests() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            writes.add(put(item("pk", s("lim" + i))));
        }
        assertValidationContaining(() -> ddb().batchWriteItem(b -> b.requestItems(Map.of(one, writes))),
                "Member must have length less than or equal to 25");
        var ok = ddb().batchWriteItem(b -> b.requestItems(Map.of(one, writes.subList(0, 25))));
        assertThat(ok.unprocessedItems()).isEmpty();
    }

    @Test
    void duplicateKeysAreRejected() {
        assertValidation(() -> ddb().batchGetItem(b -> b.requestItems(Map.of(one,
                        KeysAndAttributes.builder().keys(item("pk", s("d")), item("pk", s("d"))).build()))),
                "Provided list of item keys contains duplicates");
        assertValidation(() -> ddb().batchWriteItem(b -> b.requestItems(Map.of(one, List.of(put(item("pk", s("d"))), delete("d"))))),
                "Provided list of item keys contains duplicates");
    }

    @Test
    void batchOnAMissingTableIsResourceNotFound() {
        String missing = uniqueName("Missing");
        assertTableNotFound(() -> ddb().batchGetItem(b -> b.requestItems(Map.of(missing,
                KeysAndAttributes.builder().keys(item("pk", s("a"))).build()))));
        assertTableNotFound(() -> ddb().batchWriteItem(b -> b.requestItems(Map.of(missing, List.of(put(item("pk", s("a"))))))));
    }

    @Test
    void batchWriteChecksKeysLikePutItem() {
        assertValidation(() -> ddb().batchWriteItem(b -> b.requestItems(Map.of(one, List.of(put(item("other", s("a"))))))),
                "One or more parameter values were invalid: Missing the key pk in the item");
        assertValidation(() -> ddb().batchWriteItem(b -> b.requestItems(Map.of(one, List.of(
                        WriteRequest.builder().deleteRequest(d -> d.key(item("pk", n(1)))).build())))),
                "The provided key element does not match the schema");
    }

    @Test
    void emptyRequestItemsAreRejected() {
        assertValidationContaining(() -> ddb().batchWriteItem(b -> b.requestItems(Map.of())),
                "at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertValidationContaining(() -> ddb().batchGetItem(b -> b.requestItems(Map.of())),
                "at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void aTableWithNoRequestsIsAConstraintViolation() {
        // dynalite test/batchWriteItem.js: each table's list must hold 1 to 25 requests, checked before the table.
        assertValidationContaining(() -> ddb().batchWriteItem(b -> b.requestItems(Map.of(one, List.of()))),
                "at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
                        + "[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
        assertValidationContaining(() -> ddb().batchWriteItem(b -> b.requestItems(Map.of(one + "-missing", List.of()))),
                "Map value must satisfy constraint");
    }

    @Test
    void batchGetNeedsKeysForEachTableAndAtMostOneHundredInAll() {
        // dynalite test/batchGetItem.js, recorded against DynamoDB.
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(item("pk", s("k" + i)));
        }
        assertValidationContaining(() -> ddb().batchGetItem(b -> b.requestItems(Map.of(one,
                        KeysAndAttributes.builder().keys(List.of()).build()))),
                "1 validation error detected: Value '[]' at 'requestItems." + one + ".member.keys' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
        assertValidation(() -> ddb().batchGetItem(b -> b.requestItems(Map.of(
                        one, KeysAndAttributes.builder().keys(keys.subList(0, 100)).build(),
                        two, KeysAndAttributes.builder().keys(keys.subList(100, 101)).build()))),
                "Too many items requested for the BatchGetItem call");
    }

    @Test
    void batchTableNamesAreCheckedAsMapKeys() {
        assertValidationContaining(() -> ddb().batchWriteItem(b -> b.requestItems(Map.of("a;", List.of(put(item("pk", s("x"))))))),
                "at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length "
                        + "less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy "
                        + "regular expression pattern: [a-zA-Z0-9_.-]+]");
    }

    @Test
    void consumedCapacityIsReportedPerTable() {
        var r = ddb().batchWriteItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(Map.of(
                one, List.of(put(item("pk", s("cc-1"))), put(item("pk", s("cc-2")))),
                two, List.of(put(item("pk", s("cc-3")))))));
        assertThat(r.consumedCapacity()).hasSize(2);
        assertThat(r.consumedCapacity()).anySatisfy(c -> {
            assertThat(c.tableName()).isEqualTo(one);
            assertThat(c.capacityUnits()).isEqualTo(2.0);
        });
        assertThat(r.consumedCapacity()).anySatisfy(c -> {
            assertThat(c.tableName()).isEqualTo(two);
            assertThat(c.capacityUnits()).isEqualTo(1.0);
        });
        var g = ddb().batchGetItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(Map.of(
                one, KeysAndAttributes.builder().keys(item("pk", s("cc-1")), item("pk", s("cc-2"))).build())));
        // Eventually consistent: half a unit per item up to 4 KB.
        assertThat(g.consumedCapacity()).singleElement().satisfies(c -> {
            assertThat(c.tableName()).isEqualTo(one);
            assertThat(c.capacityUnits()).isEqualTo(1.0);
        });
    }
}
