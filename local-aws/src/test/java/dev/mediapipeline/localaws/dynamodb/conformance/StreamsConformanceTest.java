package dev.mediapipeline.localaws.dynamodb.conformance;

import java.time.Duration;
import static org.awaitility.Awaitility.await;
import static dev.mediapipeline.localaws.dynamodb.conformance.Ddb.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB Streams: ListStreams, DescribeStream, the four iterator types, GetRecords, the view types,
 * ordering, no record for a write that changes nothing, and the ARN format. ExpiredIteratorException
 * (15 minutes) and TrimmedDataAccessException (24 hours) need real time to pass and are not tested.
 */
class StreamsConformanceTest {

    private record Stream(String table, String arn) {
    }

    private static Stream streamTable(StreamViewType view) {
        String name = createTable("Streamed", b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S))
                .keySchema(hashKey("pk")).streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
        TableDescription d = ddb().describeTable(b -> b.tableName(name)).table();
        return new Stream(name, d.latestStreamArn());
    }

    private static String shard(Stream stream) {
        return streams().describeStream(b -> b.streamArn(stream.arn())).streamDescription().shards().get(0).shardId();
    }

    private static String iterator(Stream stream, ShardIteratorType type, String sequence) {
        return streams().getShardIterator(b -> b.streamArn(stream.arn()).shardId(shard(stream)).shardIteratorType(type)
                .sequenceNumber(sequence)).shardIterator();
    }

    private static List<Record> all(Stream stream) {
        List<Record> records = new ArrayList<>();
        String it = iterator(stream, ShardIteratorType.TRIM_HORIZON, null);
        for (int i = 0; i < 20 && it != null; i++) {
            String current = it;
            var page = streams().getRecords(b -> b.shardIterator(current));
            records.addAll(page.records());
            if (page.records().isEmpty()) {
                break;
            }
            it = page.nextShardIterator();
        }
        return records;
    }

    private static void put(Stream stream, Map<String, AttributeValue> it) {
        ddb().putItem(b -> b.tableName(stream.table()).item(it));
    }

    @Test
    void streamArnAndDescriptionCarryTheRegionTableAndLabel() {
        Stream stream = streamTable(StreamViewType.NEW_AND_OLD_IMAGES);
        TableDescription table = ddb().describeTable(b -> b.tableName(stream.table())).table();
        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(stream.arn()).matches("arn:aws:dynamodb:" + REGION + ":\\d{12}:table/" + stream.table()
                + "/stream/\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
        assertThat(stream.arn()).isEqualTo(table.tableArn() + "/stream/" + table.latestStreamLabel());
        StreamDescription d = streams().describeStream(b -> b.streamArn(stream.arn())).streamDescription();
        assertThat(d.streamArn()).isEqualTo(stream.arn());
        assertThat(d.streamLabel()).isEqualTo(table.latestStreamLabel());
        assertThat(d.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(d.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(d.tableName()).isEqualTo(stream.table());
        assertThat(d.keySchema()).containsExactly(hashKey("pk"));
        assertThat(d.creationRequestDateTime()).isNotNull();
        assertThat(d.shards()).isNotEmpty();
        assertThat(d.shards().get(0).shardId()).startsWith("shardId-");
        assertThat(d.shards().get(0).sequenceNumberRange().startingSequenceNumber()).matches("\\d+");
    }

    @Test
    void listStreamsFiltersByTable() {
        Stream stream = streamTable(StreamViewType.KEYS_ONLY);
        var listed = streams().listStreams(b -> b.tableName(stream.table())).streams();
        assertThat(listed).singleElement().satisfies(s -> {
            assertThat(s.streamArn()).isEqualTo(stream.arn());
            assertThat(s.tableName()).isEqualTo(stream.table());
            assertThat(s.streamLabel()).isEqualTo(stream.arn().substring(stream.arn().lastIndexOf('/') + 1));
        });
        String plain = hashTable("NoStream");
        assertThat(streams().listStreams(b -> b.tableName(plain)).streams()).isEmpty();
    }

    @Test
    void insertModifyRemoveInOrderWithBothImages() {
        Stream stream = streamTable(StreamViewType.NEW_AND_OLD_IMAGES);
        put(stream, item("pk", s("a"), "v", n(1)));
        ddb().updateItem(b -> b.tableName(stream.table()).key(item("pk", s("a"))).updateExpression("SET v = :v")
                .expressionAttributeValues(item(":v", n(2))));
        ddb().deleteItem(b -> b.tableName(stream.table()).key(item("pk", s("a"))));
        List<Record> records = all(stream);
        assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        Record insert = records.get(0);
        assertThat(insert.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(insert.awsRegion()).isEqualTo(REGION);
        assertThat(insert.eventVersion()).isEqualTo("1.1");
        assertThat(insert.eventID()).isNotBlank();
        assertThat(insert.dynamodb().keys()).isEqualTo(item("pk", s("a")));
        assertThat(insert.dynamodb().newImage()).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(insert.dynamodb().hasOldImage()).isFalse();
        assertThat(insert.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(insert.dynamodb().sizeBytes()).isPositive();
        assertThat(insert.dynamodb().approximateCreationDateTime()).isNotNull();
        Record modify = records.get(1);
        assertThat(modify.dynamodb().oldImage()).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(modify.dynamodb().newImage()).isEqualTo(item("pk", s("a"), "v", n(2)));
        Record remove = records.get(2);
        assertThat(remove.dynamodb().oldImage()).isEqualTo(item("pk", s("a"), "v", n(2)));
        assertThat(remove.dynamodb().hasNewImage()).isFalse();
        List<BigInteger> sequence = records.stream().map(r -> new BigInteger(r.dynamodb().sequenceNumber())).toList();
        assertThat(sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void keysOnlyViewCarriesNoImages() {
        Stream stream = streamTable(StreamViewType.KEYS_ONLY);
        put(stream, item("pk", s("k"), "v", n(1)));
        put(stream, item("pk", s("k"), "v", n(2)));
        List<Record> records = all(stream);
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.dynamodb().keys()).isEqualTo(item("pk", s("k")));
            assertThat(r.dynamodb().hasNewImage()).isFalse();
            assertThat(r.dynamodb().hasOldImage()).isFalse();
            assertThat(r.dynamodb().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
        });
    }

    @Test
    void newImageViewCarriesOnlyTheNewImage() {
        Stream stream = streamTable(StreamViewType.NEW_IMAGE);
        put(stream, item("pk", s("k"), "v", n(1)));
        put(stream, item("pk", s("k"), "v", n(2)));
        ddb().deleteItem(b -> b.tableName(stream.table()).key(item("pk", s("k"))));
        List<Record> records = all(stream);
        assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(records.get(1).dynamodb().newImage()).isEqualTo(item("pk", s("k"), "v", n(2)));
        assertThat(records).allSatisfy(r -> assertThat(r.dynamodb().hasOldImage()).isFalse());
        assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
    }

    @Test
    void oldImageViewCarriesOnlyTheOldImage() {
        Stream stream = streamTable(StreamViewType.OLD_IMAGE);
        put(stream, item("pk", s("k"), "v", n(1)));
        put(stream, item("pk", s("k"), "v", n(2)));
        List<Record> records = all(stream);
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.dynamodb().hasNewImage()).isFalse());
        assertThat(records.get(0).dynamodb().hasOldImage()).isFalse();
        assertThat(records.get(1).dynamodb().oldImage()).isEqualTo(item("pk", s("k"), "v", n(1)));
    }

    @Test
    void writesThatChangeNothingMakeNoRecord() {
        Stream stream = streamTable(StreamViewType.NEW_AND_OLD_IMAGES);
        put(stream, item("pk", s("same"), "v", n(1)));
        put(stream, item("pk", s("same"), "v", n(1)));
        ddb().updateItem(b -> b.tableName(stream.table()).key(item("pk", s("same"))).updateExpression("SET v = :v")
                .expressionAttributeValues(item(":v", n(1))));
        ddb().deleteItem(b -> b.tableName(stream.table()).key(item("pk", s("never-there"))));
        assertThat(all(stream)).extracting(Record::eventName).containsExactly(OperationType.INSERT);
    }

    @Test
    void latestSeesOnlyLaterWrites() {
        Stream stream = streamTable(StreamViewType.KEYS_ONLY);
        put(stream, item("pk", s("before")));
        String it = iterator(stream, ShardIteratorType.LATEST, null);
        var empty = streams().getRecords(b -> b.shardIterator(it));
        assertThat(empty.records()).isEmpty();
        assertThat(empty.nextShardIterator()).isNotNull();
        put(stream, item("pk", s("after")));
        var next = streams().getRecords(b -> b.shardIterator(empty.nextShardIterator()));
        assertThat(next.records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("after");
    }

    @Test
    void atAndAfterSequenceNumber() {
        Stream stream = streamTable(StreamViewType.KEYS_ONLY);
        put(stream, item("pk", s("1")));
        put(stream, item("pk", s("2")));
        put(stream, item("pk", s("3")));
        List<Record> records = all(stream);
        String second = records.get(1).dynamodb().sequenceNumber();
        var at = streams().getRecords(b -> b.shardIterator(iterator(stream, ShardIteratorType.AT_SEQUENCE_NUMBER, second)));
        assertThat(at.records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("2", "3");
        var after = streams().getRecords(b -> b.shardIterator(iterator(stream, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second)));
        assertThat(after.records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("3");
    }

    @Test
    void getRecordsLimitPagesThroughTheShard() {
        Stream stream = streamTable(StreamViewType.KEYS_ONLY);
        for (int i = 0; i < 5; i++) {
            put(stream, item("pk", s("p" + i)));
        }
        String it = iterator(stream, ShardIteratorType.TRIM_HORIZON, null);
        var first = streams().getRecords(b -> b.shardIterator(it).limit(2));
        assertThat(first.records()).hasSize(2);
        var second = streams().getRecords(b -> b.shardIterator(first.nextShardIterator()).limit(2));
        assertThat(second.records()).hasSize(2);
        var third = streams().getRecords(b -> b.shardIterator(second.nextShardIterator()).limit(2));
        assertThat(third.records()).hasSize(1);
        List<String> keys = new ArrayList<>();
        for (var page : List.of(first, second, third)) {
            page.records().forEach(r -> keys.add(r.dynamodb().keys().get("pk").s()));
        }
        assertThat(keys).containsExactly("p0", "p1", "p2", "p3", "p4");
    }

    @Test
    void batchAndTransactionWritesAreRecorded() {
        Stream stream = streamTable(StreamViewType.NEW_IMAGE);
        ddb().batchWriteItem(b -> b.requestItems(Map.of(stream.table(), List.of(
                WriteRequest.builder().putRequest(p -> p.item(item("pk", s("b1")))).build(),
                WriteRequest.builder().putRequest(p -> p.item(item("pk", s("b2")))).build()))));
        ddb().transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(stream.table()).item(item("pk", s("t1")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(stream.table()).key(item("pk", s("b1")))).build()));
        List<Record> records = all(stream);
        assertThat(records).hasSize(4);
        assertThat(records.subList(2, 4)).extracting(Record::eventName).containsExactlyInAnyOrder(OperationType.INSERT, OperationType.REMOVE);
    }

    @Test
    void disablingTheStreamKeepsItDescribable() {
        Stream stream = streamTable(StreamViewType.KEYS_ONLY);
        ddb().updateTable(b -> b.tableName(stream.table()).streamSpecification(s -> s.streamEnabled(false)));
        StreamStatus status = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> streams().describeStream(b -> b.streamArn(stream.arn())).streamDescription().streamStatus(),
                        s -> s == StreamStatus.DISABLED);
        assertThat(status).isIn(StreamStatus.DISABLING, StreamStatus.DISABLED);
        TableDescription t = ddb().describeTable(b -> b.tableName(stream.table())).table();
        assertThat(t.latestStreamArn()).isEqualTo(stream.arn());
    }

    @Test
    void aTableCreatedAgainUnderTheNameHasNoLatestStream() {
        Stream stream = streamTable(StreamViewType.KEYS_ONLY);
        ddb().deleteTable(b -> b.tableName(stream.table()));
        awaitDeleted(stream.table());
        ddb().createTable(b -> b.tableName(stream.table()).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(hashKey("pk")));
        TableDescription again = awaitActive(stream.table());
        assertThat(again.latestStreamArn()).isNull();
        assertThat(again.latestStreamLabel()).isNull();
        assertThat(streams().describeStream(b -> b.streamArn(stream.arn())).streamDescription().streamStatus())
                .isIn(StreamStatus.DISABLING, StreamStatus.DISABLED);
    }

    @Test
    void describingAMissingStreamIsResourceNotFound() {
        Stream stream = streamTable(StreamViewType.KEYS_ONLY);
        String missing = stream.arn().replace(stream.table(), stream.table() + "-gone");
        var e = failure(() -> streams().describeStream(b -> b.streamArn(missing)), ResourceNotFoundException.class);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Requested resource not found");
    }

    @Test
    void getShardIteratorOnAnUnknownShardIsResourceNotFound() {
        Stream stream = streamTable(StreamViewType.KEYS_ONLY);
        var e = failure(() -> streams().getShardIterator(b -> b.streamArn(stream.arn()).shardId("shardId-00000000000000000000-00000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)), ResourceNotFoundException.class);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Requested resource not found");
    }
}
