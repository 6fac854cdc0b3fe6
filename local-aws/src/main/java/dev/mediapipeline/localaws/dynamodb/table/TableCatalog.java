package dev.mediapipeline.localaws.dynamodb.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.storage.Database;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.h2.mvstore.MVMap;

/**
 * The tables, kept in the database's catalog and in memory. Creating, deleting and redefining tables is
 * serialised here (it is rare); looking a table up is a map read.
 */
public final class TableCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final MVMap<String, String> stored;
    private final ConcurrentMap<String, Table> tables = new ConcurrentHashMap<>();
    private long lastId;

    public TableCatalog(Database database) {
        this.database = database;
        this.stored = database.catalog();
        stored.forEach((name, json) -> {
            TableDefinition definition = read(json);
            lastId = Math.max(lastId, definition.id());
            tables.put(name, open(definition));
        });
    }

    public Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** The table, or DynamoDB's answer to a data-plane request naming a missing one. */
    public Table require(String name) {
        return find(name).orElseThrow(() -> DynamoDbException.resourceNotFound("Requested resource not found"));
    }

    /** The table, or DynamoDB's answer to a control-plane request naming a missing one. */
    public Table requireForControl(String name) {
        return find(name).orElseThrow(() -> notFound(name));
    }

    public static DynamoDbException alreadyExists(String name) {
        return DynamoDbException.resourceInUse("Table already exists: " + name);
    }

    public static DynamoDbException notFound(String name) {
        return DynamoDbException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
    }

    /** Table names in DynamoDB's order (ascending). */
    public List<String> names() {
        return tables.keySet().stream().sorted().toList();
    }

    public List<Table> all() {
        return List.copyOf(tables.values());
    }

    /** A fresh id for a table's maps, never one a deleted table used. */
    public synchronized long nextId() {
        return ++lastId;
    }

    public synchronized Table create(TableDefinition definition) {
        if (tables.containsKey(definition.name())) {
            throw alreadyExists(definition.name());
        }
        Table table = open(definition);
        store(definition);
        tables.put(definition.name(), table);
        return table;
    }

    /** Replaces a table's definition, opening maps of indexes it gains and dropping those it loses. */
    public synchronized void redefine(Table table, TableDefinition definition) {
        TableDefinition old = table.definition();
        definition.indexes().stream().filter(i -> old.index(i.name()).isEmpty())
                .forEach(i -> table.attachIndex(i.name(), database.sortedItems(definition.indexMapName(i.name()))));
        old.indexes().stream().filter(i -> definition.index(i.name()).isEmpty()).forEach(i -> {
            table.detachIndex(i.name());
            database.drop(old.indexMapName(i.name()));
        });
        table.define(definition);
        store(definition);
    }

    /** Removes a table once the writes in flight on it are done; later ones find it deleted. */
    public synchronized void delete(Table table) {
        var exclusive = table.schemaLock().writeLock();
        exclusive.lock();
        try {
            TableDefinition definition = table.definition();
            table.markDeleted();
            tables.remove(definition.name());
            stored.remove(definition.name());
            definition.indexes().forEach(i -> database.drop(definition.indexMapName(i.name())));
            database.drop(definition.itemsMapName());
            database.commit();
        } finally {
            exclusive.unlock();
        }
    }

    private Table open(TableDefinition definition) {
        Table table = new Table(definition, database.sortedItems(definition.itemsMapName()));
        definition.indexes().forEach(i -> table.attachIndex(i.name(), database.sortedItems(definition.indexMapName(i.name()))));
        return table;
    }

    private void store(TableDefinition definition) {
        try {
            stored.put(definition.name(), JSON.writeValueAsString(definition));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        database.commit();
    }

    private static TableDefinition read(String json) {
        try {
            return JSON.readValue(json, TableDefinition.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable table definition: " + json, e);
        }
    }
}
