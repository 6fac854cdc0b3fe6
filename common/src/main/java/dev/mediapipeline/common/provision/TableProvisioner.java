package dev.mediapipeline.common.provision;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

final class TableProvisioner {

    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(5);

    private final DynamoDbClient dynamoDb;

    TableProvisioner(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    void ensure(CreateTableRequest definition) {
        try {
            TableDescription existing = dynamoDb.describeTable(r -> r.tableName(definition.tableName())).table();
            addMissingIndexes(definition, existing);
        } catch (ResourceNotFoundException missing) {
            try {
                dynamoDb.createTable(definition);
            } catch (ResourceInUseException raced) {
                // created by a concurrent provision run
            }
        }
    }

    /**
     * A table made by an older release gets the global secondary indexes added since, one UpdateTable
     * each; the table stays usable while DynamoDB fills them from the existing items.
     */
    private void addMissingIndexes(CreateTableRequest definition, TableDescription existing) {
        Set<String> present = existing.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName)
                .collect(Collectors.toSet());
        for (GlobalSecondaryIndex index : definition.globalSecondaryIndexes()) {
            if (present.contains(index.indexName())) {
                continue;
            }
            try {
                dynamoDb.updateTable(r -> r.tableName(definition.tableName())
                        .attributeDefinitions(definition.attributeDefinitions())
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                                .keySchema(index.keySchema()).projection(index.projection()))));
            } catch (ResourceInUseException raced) {
                // a concurrent provision run is adding it
            }
        }
    }

    void enableTtl(String table, String attribute) {
        TimeToLiveStatus status = dynamoDb.describeTimeToLive(r -> r.tableName(table))
                .timeToLiveDescription().timeToLiveStatus();
        if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
            dynamoDb.updateTimeToLive(r -> r.tableName(table)
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName(attribute)));
        }
    }

    void awaitActive(List<String> tables) {
        for (String table : tables) {
            dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table),
                    w -> w.waitTimeout(ACTIVE_TIMEOUT));
        }
    }
}
