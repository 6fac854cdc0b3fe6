package dev.mediapipeline.localaws.dynamodb;

import java.time.Duration;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Writers racing DeleteTable see their write done or the table gone, never a server error. */
class DeleteTableUnderWritesTest {

    private static final int WRITERS = 4;

    @Test
    void writesInFlightFinishAndLaterOnesFindTheTableGone() throws Exception {
        String table = DynamoDbTesting.tableName("Doomed");
        try (DynamoDbClient dynamo = DynamoDbTesting.client(SharedLocalAws.endpoint())) {
            DynamoDbTesting.createTable(dynamo, table, false);
            Set<String> failures = ConcurrentHashMap.newKeySet();
            AtomicBoolean gone = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                pool.submit(() -> {
                    for (int i = 0; !gone.get(); i++) {
                        String pk = writer + "-" + i;
                        try {
                            dynamo.putItem(b -> b.tableName(table).item(Map.of("Pk", DynamoDbTesting.s(pk))));
                            written.incrementAndGet();
                        } catch (ResourceNotFoundException e) {
                            gone.set(true);
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                            gone.set(true);
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> written.get() >= 20);
            dynamo.deleteTable(b -> b.tableName(table));
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            assertThat(failures).isEmpty();
            assertThat(gone).isTrue();
        }
    }
}
