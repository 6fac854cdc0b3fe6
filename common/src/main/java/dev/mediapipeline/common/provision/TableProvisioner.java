package dev.mediapipeline.common.provision;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

final class TableProvisioner {

    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(5);

    private final DynamoDbClient dynamoDb;

    TableProvisioner(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    void ensure(CreateTableRequest definition) {
        try {
            dynamoDb.describeTable(r -> r.tableName(definition.tableName()));
        } catch (ResourceNotFoundException missing) {
            try {
                dynamoDb.createTable(definition);
            } catch (ResourceInUseException raced) {
                // created by a concurrent provision run
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
