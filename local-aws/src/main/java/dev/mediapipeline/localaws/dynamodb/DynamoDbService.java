package dev.mediapipeline.localaws.dynamodb;

import static dev.mediapipeline.localaws.dynamodb.MemberChecks.capacity;
import static dev.mediapipeline.localaws.dynamodb.MemberChecks.checked;
import static dev.mediapipeline.localaws.dynamodb.MemberChecks.collectionMetrics;
import static dev.mediapipeline.localaws.dynamodb.MemberChecks.required;
import static dev.mediapipeline.localaws.dynamodb.MemberChecks.returnValues;
import static dev.mediapipeline.localaws.dynamodb.MemberChecks.tableName;

import dev.mediapipeline.localaws.dynamodb.item.BatchWrites;
import dev.mediapipeline.localaws.dynamodb.item.ItemReads;
import dev.mediapipeline.localaws.dynamodb.item.ItemWriter;
import dev.mediapipeline.localaws.dynamodb.item.QueryAndScan;
import dev.mediapipeline.localaws.dynamodb.item.SingleItemWrites;
import dev.mediapipeline.localaws.dynamodb.item.TransactReads;
import dev.mediapipeline.localaws.dynamodb.item.TransactWrites;
import dev.mediapipeline.localaws.dynamodb.protocol.Operations;
import dev.mediapipeline.localaws.dynamodb.storage.Database;
import dev.mediapipeline.localaws.dynamodb.storage.ItemLocks;
import dev.mediapipeline.localaws.dynamodb.streams.TableStreams;
import dev.mediapipeline.localaws.dynamodb.table.TableCatalog;
import dev.mediapipeline.localaws.dynamodb.table.TableOperations;
import dev.mediapipeline.localaws.dynamodb.table.TableSettings;
import dev.mediapipeline.localaws.dynamodb.table.TableUpdates;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.function.BiFunction;

/** Puts the engine together over one database: catalog, item writer and every operation by name. */
final class DynamoDbService {

    private DynamoDbService() {
    }

    static Operations operations(Database database, TableCatalog catalog, ItemWriter writer, TableStreams streams,
                                 BiFunction<String, JsonNode, JsonNode> streamOperations, String region, Clock clock) {
        TableOperations tables = new TableOperations(catalog, streams, region, clock);
        TableUpdates updates = new TableUpdates(catalog, streams, database);
        TableSettings settings = new TableSettings(catalog, region, clock);
        SingleItemWrites writes = new SingleItemWrites(catalog, writer);
        ItemReads reads = new ItemReads(catalog);
        QueryAndScan queries = new QueryAndScan(catalog);
        BatchWrites batchWrites = new BatchWrites(catalog, writer);
        TransactWrites transactWrites = new TransactWrites(catalog, writer, clock);
        TransactReads transactReads = new TransactReads(catalog);
        return new Operations(streamOperations)
                .add("CreateTable", tables::createTable)
                .add("DeleteTable", tables::deleteTable)
                .add("DescribeTable", tables::describeTable)
                .add("ListTables", tables::listTables)
                .add("UpdateTable", updates::updateTable)
                .add("TagResource", settings::tagResource)
                .add("UntagResource", settings::untagResource)
                .add("ListTagsOfResource", settings::listTagsOfResource)
                .add("DescribeTimeToLive", settings::describeTimeToLive)
                .add("UpdateTimeToLive", settings::updateTimeToLive)
                .add("DescribeContinuousBackups", settings::describeContinuousBackups)
                .add("UpdateContinuousBackups", settings::updateContinuousBackups)
                .add("DescribeLimits", settings::describeLimits)
                .add("DescribeEndpoints", settings::describeEndpoints)
                .add("PutItem", checked(writes::putItem, capacity(), tableName(), required("Item"), returnValues(),
                        collectionMetrics()))
                .add("DeleteItem", checked(writes::deleteItem, capacity(), tableName(), required("Key"), returnValues(),
                        collectionMetrics()))
                .add("UpdateItem", checked(writes::updateItem, capacity(), tableName(), required("Key"), returnValues(),
                        collectionMetrics()))
                .add("GetItem", checked(reads::getItem, capacity(), tableName(), required("Key")))
                .add("BatchGetItem", checked(reads::batchGetItem, capacity(), required("RequestItems")))
                .add("Query", queries::query)
                .add("Scan", queries::scan)
                .add("BatchWriteItem", checked(batchWrites::batchWriteItem, capacity(), collectionMetrics(),
                        required("RequestItems")))
                .add("TransactWriteItems", transactWrites::transactWriteItems)
                .add("TransactGetItems", transactReads::transactGetItems);
    }
}
