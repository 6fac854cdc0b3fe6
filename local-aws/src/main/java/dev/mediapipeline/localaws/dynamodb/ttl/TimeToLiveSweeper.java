package dev.mediapipeline.localaws.dynamodb.ttl;

import dev.mediapipeline.localaws.dynamodb.item.ItemWriter;
import dev.mediapipeline.localaws.dynamodb.table.Table;
import dev.mediapipeline.localaws.dynamodb.table.TableCatalog;
import dev.mediapipeline.localaws.dynamodb.table.TableDefinition;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired items of tables with time to live enabled, every {@code interval}, as the service:
 * the stream record of each deletion says so. An item expires when its TTL attribute is a Number of
 * epoch seconds in the past; like DynamoDB, values more than five years in the past are not deletions
 * DynamoDB would make (they are taken for mistakes), nor are other types.
 */
public final class TimeToLiveSweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TimeToLiveSweeper.class);
    private static final long FIVE_YEARS_SECONDS = Duration.ofDays(5 * 365).toSeconds();

    private final TableCatalog catalog;
    private final ItemWriter writer;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    private TimeToLiveSweeper(TableCatalog catalog, ItemWriter writer, Clock clock) {
        this.catalog = catalog;
        this.writer = writer;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-aws-dynamodb-ttl");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static TimeToLiveSweeper start(TableCatalog catalog, ItemWriter writer, Clock clock, Duration interval) {
        TimeToLiveSweeper sweeper = new TimeToLiveSweeper(catalog, writer, clock);
        sweeper.timer.scheduleWithFixedDelay(sweeper::sweepLogged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return sweeper;
    }

    /** One pass over every table with time to live enabled. */
    void sweep() {
        for (Table table : catalog.all()) {
            TableDefinition definition = table.definition();
            if (definition.ttlEnabled()) {
                String attribute = definition.ttlAttribute();
                table.items().range(null, null, true, null).forEachRemaining(entry -> {
                    Map<String, Value> item = entry.item();
                    if (expired(item, attribute)) {
                        writer.write(table, definition.keys().keyOf(item),
                                current -> current != null && expired(current, attribute) ? null : current, null, true);
                    }
                });
            }
        }
    }

    private boolean expired(Map<String, Value> item, String attribute) {
        Value value = item.get(attribute);
        if (value == null || value.type() != Value.Type.N) {
            return false;
        }
        BigDecimal expiresAt = value.asN();
        long now = clock.instant().getEpochSecond();
        return expiresAt.compareTo(BigDecimal.valueOf(now)) <= 0
                && expiresAt.compareTo(BigDecimal.valueOf(now - FIVE_YEARS_SECONDS)) >= 0;
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // A table deleted while being swept, or the store closing: the next pass starts afresh.
            LOG.debug("time-to-live sweep stopped early", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
