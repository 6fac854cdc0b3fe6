package dev.mediapipeline.localaws.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.RequestFields;
import dev.mediapipeline.localaws.dynamodb.capacity.ConsumedCapacity;
import dev.mediapipeline.localaws.dynamodb.storage.ItemLocks;
import dev.mediapipeline.localaws.dynamodb.table.Table;
import dev.mediapipeline.localaws.dynamodb.table.TableCatalog;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import dev.mediapipeline.localaws.dynamodb.value.ValueJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * TransactWriteItems: all of its items are locked (in one fixed order), every condition is checked,
 * and then either all writes happen, with one commit, or none and DynamoDB's cancellation reasons.
 */
public final class TransactWrites {

    private static final int MAX_ITEMS = 100;
    private static final long MAX_WRITTEN_BYTES = 4L * 1024 * 1024;

    private final TableCatalog catalog;
    private final ItemWriter writer;
    private final IdempotencyTokens tokens;

    public TransactWrites(TableCatalog catalog, ItemWriter writer, Clock clock) {
        this.catalog = catalog;
        this.writer = writer;
        this.tokens = new IdempotencyTokens(clock);
    }

    public JsonNode transactWriteItems(JsonNode request) {
        JsonNode items = TransactActions.itemsOf(request, MAX_ITEMS);
        Optional<String> token = RequestFields.text(request, "ClientRequestToken");
        if (token.isPresent()) {
            Optional<JsonNode> earlier = tokens.earlierAnswer(token.get(), request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<TransactActions.Action> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode item : items) {
            TransactActions.Action action = TransactActions.parse(item, catalog);
            if (!seen.add(action.table().name() + "\u0000" + ValueJson.writeItem(action.key()))) {
                throw DynamoDbException.validation("Transaction request cannot include multiple operations on one item");
            }
            actions.add(action);
        }
        if (actions.stream().mapToLong(TransactActions.Action::writtenBytes).sum() > MAX_WRITTEN_BYTES) {
            throw DynamoDbException.validation("Transaction size exceeded the maximum allowed size of 4 MB");
        }
        Map<String, ConsumedCapacity> capacities = execute(actions);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        String capacityMode = WriteOptions.capacityMode(request);
        capacities.values().forEach(ConsumedCapacity::transactional);
        ArrayNode consumed = ConsumedCapacity.renderAll(capacities.values(), capacityMode);
        if (consumed != null) {
            response.set("ConsumedCapacity", consumed);
        }
        token.ifPresent(t -> tokens.remember(t, request, response));
        return response;
    }

    private Map<String, ConsumedCapacity> execute(List<TransactActions.Action> actions) {
        List<Table> tables = actions.stream().map(TransactActions.Action::table).distinct()
                .sorted(Comparator.comparing(Table::name)).toList();
        List<Lock> schemaLocks = tables.stream().map(t -> t.schemaLock().readLock()).toList();
        schemaLocks.forEach(Lock::lock);
        Map<String, ConsumedCapacity> capacities = new LinkedHashMap<>();
        try (ItemLocks.Held held = writer.locks().lock(actions.stream().map(a -> a.table().name()).toList(),
                actions.stream().map(TransactActions.Action::encodedKey).toList())) {
            List<Map<String, Value>> current = new ArrayList<>();
            List<Map<String, Value>> next = new ArrayList<>();
            List<ObjectNode> reasons = new ArrayList<>();
            boolean failed = false;
            for (TransactActions.Action action : actions) {
                Map<String, Value> old = action.table().items().get(action.encodedKey());
                current.add(old);
                try {
                    next.add(action.change().apply(old));
                    reasons.add(JsonNodeFactory.instance.objectNode().put("Code", "None"));
                } catch (ConditionalCheckFailedException e) {
                    failed = true;
                    next.add(old);
                    ObjectNode reason = JsonNodeFactory.instance.objectNode().put("Code", "ConditionalCheckFailed")
                            .put("Message", e.getMessage());
                    e.addDetails(reason);
                    reasons.add(reason);
                } catch (DynamoDbException e) {
                    failed = true;
                    next.add(old);
                    reasons.add(JsonNodeFactory.instance.objectNode().put("Code", "ValidationError").put("Message", e.getMessage()));
                }
            }
            if (failed) {
                throw new TransactionCanceledException(reasons);
            }
            for (int i = 0; i < actions.size(); i++) {
                TransactActions.Action action = actions.get(i);
                ConsumedCapacity capacity = capacities.computeIfAbsent(action.table().name(), ConsumedCapacity::writes);
                if (action.writes()) {
                    writer.store(action.table(), action.encodedKey(), current.get(i), next.get(i), capacity, false);
                } else {
                    capacity.addTable(ConsumedCapacity.writeUnits(current.get(i) == null ? 0 : Value.itemSize(current.get(i))));
                }
            }
        } finally {
            schemaLocks.forEach(Lock::unlock);
        }
        writer.commit();
        return capacities;
    }
}
