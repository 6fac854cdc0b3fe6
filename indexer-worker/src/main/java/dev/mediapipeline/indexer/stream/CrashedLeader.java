package dev.mediapipeline.indexer.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * KCL 3 hands out leases from one elected leader, whose DynamoDB lock lasts two minutes and cannot be
 * configured. A leader killed outright (kill -9, a lost host) keeps the lock for those two minutes, and
 * until then no shard of a crashed indexer is taken over: a restarted process indexes nothing. This
 * watcher deletes a leader lock whose holder has stopped publishing worker metrics (every worker does,
 * each second) for longer than the failover time, so that a live worker takes the lead within seconds.
 * The delete is conditional on the lock's version, so a leader that is alive after all keeps its lock.
 */
final class CrashedLeader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrashedLeader.class);
    /** KCL's names in its coordinator-state and worker-metrics tables. */
    private static final String LEADER_KEY = "Leader";

    private final DynamoDbClient dynamoDb;
    private final String workerId;
    private final String coordinatorTable;
    private final String workerMetricsTable;
    private final Duration silence;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "indexer-crashed-leader");
        t.setDaemon(true);
        return t;
    });

    CrashedLeader(DynamoDbClient dynamoDb, String workerId, String coordinatorTable, String workerMetricsTable,
                  Duration silence) {
        this.dynamoDb = dynamoDb;
        this.workerId = workerId;
        this.coordinatorTable = coordinatorTable;
        this.workerMetricsTable = workerMetricsTable;
        this.silence = silence;
    }

    /** Checks now and then every half of the silence allowed. */
    void start() {
        long period = Math.max(1, silence.toMillis() / 2);
        timer.scheduleWithFixedDelay(this::releaseIfSilent, 0, period, TimeUnit.MILLISECONDS);
    }

    private void releaseIfSilent() {
        try {
            Map<String, AttributeValue> lock = dynamoDb.getItem(r -> r.tableName(coordinatorTable).consistentRead(true)
                    .key(Map.of("key", AttributeValue.fromS(LEADER_KEY)))).item();
            if (lock == null || !lock.containsKey("ownerName") || !lock.containsKey("recordVersionNumber")) {
                return;
            }
            String owner = lock.get("ownerName").s();
            if (owner.equals(workerId)) {
                return;
            }
            Map<String, AttributeValue> metrics = dynamoDb.getItem(r -> r.tableName(workerMetricsTable)
                    .consistentRead(true).key(Map.of("wid", AttributeValue.fromS(owner)))).item();
            // A holder that never reported (just started) is not known to be silent: leave it to KCL.
            if (metrics == null || !metrics.containsKey("lut")) {
                return;
            }
            long silentSeconds = Instant.now().getEpochSecond() - Long.parseLong(metrics.get("lut").n());
            if (silentSeconds <= silence.toSeconds()) {
                return;
            }
            dynamoDb.deleteItem(r -> r.tableName(coordinatorTable).key(Map.of("key", AttributeValue.fromS(LEADER_KEY)))
                    .conditionExpression("recordVersionNumber = :v")
                    .expressionAttributeValues(Map.of(":v", lock.get("recordVersionNumber"))));
            LOG.info("Released the leader lock of indexer {}, silent for {} s", owner, silentSeconds);
        } catch (ConditionalCheckFailedException | ResourceNotFoundException renewedOrNotCreatedYet) {
            // the leader renewed its lock meanwhile, or KCL has not created its tables yet
        } catch (RuntimeException e) {
            LOG.debug("Could not check the indexer leader lock: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
