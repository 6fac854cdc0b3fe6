package dev.mediapipeline.localaws.dynamodb;

import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.key;
import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Optimistic increments from many threads: every acknowledged increment counts, none is lost. */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int INCREMENTS_PER_THREAD = 25;

    @Test
    void conditionalIncrementsFromManyThreadsLoseNoUpdate() throws Exception {
        String table = DynamoDbTesting.tableName("Counter");
        try (DynamoDbClient dynamo = DynamoDbTesting.client(SharedLocalAws.endpoint())) {
            DynamoDbTesting.createTable(dynamo, table, false);
            dynamo.putItem(b -> b.tableName(table).item(Map.of("Pk", DynamoDbTesting.s("c"), "Count", n("0"))));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> conflicts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                conflicts.add(pool.submit(() -> incrementRepeatedly(dynamo, table)));
            }
            int totalConflicts = 0;
            for (Future<Integer> f : conflicts) {
                totalConflicts += f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            var count = dynamo.getItem(b -> b.tableName(table).key(key("c")).consistentRead(true)).item().get("Count").n();
            assertThat(count).isEqualTo(Integer.toString(THREADS * INCREMENTS_PER_THREAD));
            assertThat(totalConflicts).as("the condition really was contended").isPositive();
        }
    }

    /** Read, then write count+1 on condition the count is unchanged; retry on conflict. Returns the conflicts. */
    private static int incrementRepeatedly(DynamoDbClient dynamo, String table) {
        int conflicts = 0;
        for (int done = 0; done < INCREMENTS_PER_THREAD; ) {
            String seen = dynamo.getItem(b -> b.tableName(table).key(key("c")).consistentRead(true)).item().get("Count").n();
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key("c")).updateExpression("SET #c = :next")
                        .conditionExpression("#c = :seen").expressionAttributeNames(Map.of("#c", "Count"))
                        .expressionAttributeValues(Map.of(":seen", n(seen), ":next", n(Integer.toString(Integer.parseInt(seen) + 1)))));
                done++;
            } catch (ConditionalCheckFailedException e) {
                conflicts++;
            }
        }
        return conflicts;
    }
}
