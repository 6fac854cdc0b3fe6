package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.capacity.ConsumedCapacity;
import dev.mediapipeline.localaws.dynamodb.expression.Condition;
import dev.mediapipeline.localaws.dynamodb.expression.ConditionAttributes;
import dev.mediapipeline.localaws.dynamodb.expression.KeyCondition;
import dev.mediapipeline.localaws.dynamodb.expression.Projection;
import dev.mediapipeline.localaws.dynamodb.storage.SortedItems;
import dev.mediapipeline.localaws.dynamodb.table.TableCatalog;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Query and Scan, on a table or one of its indexes. */
public final class QueryAndScan {

    private final TableCatalog catalog;

    public QueryAndScan(TableCatalog catalog) {
        this.catalog = catalog;
    }

    public JsonNode query(JsonNode request) {
        ReadTarget target = ReadTarget.of(catalog.require(RequestFields.tableName(request, "TableName")), request);
        RequestExpressions expressions = RequestExpressions.of(request, "FilterExpression", "KeyConditionExpression");
        KeyCondition keyCondition = expressions.keyCondition(target.keys().partitionKey(), target.keys().sortKey());
        Condition filter = expressions.filter();
        Projection projection = expressions.projection();
        expressions.requireAllUsed();
        rejectKeysInFilter(request, target, filter);
        String select = Selects.of(request, target, projection, expressions.projectsByAttributesToGet(), "Querying");
        KeyRange range = KeyRange.of(keyCondition, target.keys());
        byte[] start = target.exclusiveStart(request);
        if (start != null && !range.contains(start)) {
            throw DynamoDbException.validation("The provided starting key is outside query boundaries based on provided conditions");
        }
        boolean forward = !request.hasNonNull("ScanIndexForward") || request.get("ScanIndexForward").asBoolean();
        Iterator<SortedItems.Entry> entries = target.entries().range(range.low(), range.high(), forward, start);
        return answer(request, target, entries, filter, projection, select, item -> true);
    }

    public JsonNode scan(JsonNode request) {
        ReadTarget target = ReadTarget.of(catalog.require(RequestFields.tableName(request, "TableName")), request);
        RequestExpressions expressions = RequestExpressions.of(request, "FilterExpression");
        Condition filter = expressions.filter();
        Projection projection = expressions.projection();
        expressions.requireAllUsed();
        String select = Selects.of(request, target, projection, expressions.projectsByAttributesToGet(), "Scanning");
        Predicate<Map<String, Value>> segment = segment(request, target);
        Iterator<SortedItems.Entry> entries = target.entries().range(null, null, true, target.exclusiveStart(request));
        return answer(request, target, entries, filter, projection, select, segment);
    }

    /** A Query filters on what its key condition does not select: the queried table's or index's key is refused. */
    private static void rejectKeysInFilter(JsonNode request, ReadTarget target, Condition filter) {
        if (filter == null) {
            return;
        }
        Set<String> read = ConditionAttributes.of(filter);
        String parameter = request.hasNonNull("QueryFilter") ? "QueryFilter" : "Filter Expression";
        target.keys().names().stream().filter(read::contains).findFirst().ifPresent(key -> {
            throw DynamoDbException.validation(parameter + " can only contain non-primary key attributes: "
                    + "Primary key attribute: " + key);
        });
    }

    private JsonNode answer(JsonNode request, ReadTarget target, Iterator<SortedItems.Entry> entries, Condition filter,
                            Projection projection, String select, Predicate<Map<String, Value>> include) {
        Integer limit = RequestFields.atLeast(request, "Limit", 1).orElse(null);
        boolean consistent = RequestFields.bool(request, "ConsistentRead");
        boolean fetch = target.fetchesFromTable(select);
        long[] fetchedBytes = {0};
        Function<SortedItems.Entry, Map<String, Value>> load = entry -> {
            Map<String, Value> item = entry.item();
            if (!fetch) {
                return item;
            }
            Map<String, Value> full = target.table().items().get(target.definition().keys().encode(item));
            fetchedBytes[0] += full == null ? 0 : Value.itemSize(full);
            return full == null ? item : full;
        };
        Function<Map<String, Value>, Map<String, Value>> output = select.equals("COUNT") ? null
                : projection == null ? Function.identity() : projection::apply;
        Page page = Page.read(entries, limit, filter, load, include, output, target::lastKeyOf);

        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (output != null) {
            var items = response.putArray("Items");
            page.items().forEach(item -> items.add(ValueJson.writeItem(item)));
        }
        response.put("Count", page.count()).put("ScannedCount", page.scannedCount());
        if (page.lastEvaluatedKey() != null) {
            response.set("LastEvaluatedKey", ValueJson.writeItem(page.lastEvaluatedKey()));
        }
        ConsumedCapacity capacity = ConsumedCapacity.reads(target.definition().name());
        double units = ConsumedCapacity.readUnits(page.bytesRead(), consistent);
        if (target.index() == null) {
            capacity.addTable(units);
        } else {
            capacity.addIndex(target.index().name(), target.index().global(), units);
            if (fetch) {
                capacity.addTable(ConsumedCapacity.readUnits(fetchedBytes[0], consistent));
            }
        }
        ObjectNode consumed = capacity.render(WriteOptions.capacityMode(request));
        if (consumed != null) {
            response.set("ConsumedCapacity", consumed);
        }
        return response;
    }

    /** Segment and TotalSegments of a parallel scan: which partitions this request reads. */
    private static Predicate<Map<String, Value>> segment(JsonNode request, ReadTarget target) {
        Integer segment = RequestFields.atLeast(request, "Segment", 0).orElse(null);
        Integer total = RequestFields.atLeast(request, "TotalSegments", 1).orElse(null);
        if (segment == null && total == null) {
            return item -> true;
        }
        if (total == null) {
            throw DynamoDbException.validation("The TotalSegments parameter is required but was not present in the request "
                    + "when Segment parameter is present");
        }
        if (segment == null) {
            throw DynamoDbException.validation("The Segment parameter is required but was not present in the request "
                    + "when parameter TotalSegments is present");
        }
        if (total > 1_000_000) {
            throw RequestFields.constraint("'" + total + "'", "TotalSegments", "Member must have value less than or equal to 1000000");
        }
        if (segment >= total) {
            throw DynamoDbException.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + total);
        }
        String partitionKey = target.keys().partitionKey();
        return item -> Math.floorMod(Arrays.hashCode(target.keys().encodePartition(item.get(partitionKey))), total) == segment;
    }
}
