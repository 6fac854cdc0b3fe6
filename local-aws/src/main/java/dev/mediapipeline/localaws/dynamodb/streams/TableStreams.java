package dev.mediapipeline.localaws.dynamodb.streams;

import java.util.List;
import java.util.Optional;

/**
 * What the table engine tells the streams service, and asks of it. The engine calls {@link #record}
 * for every committed change that changed something, in commit order per item, before the write is
 * acknowledged and while no other write to that item can commit.
 */
public interface TableStreams {

    /**
     * Starts a new stream for a table (CreateTable or UpdateTable with StreamEnabled true); DescribeStream
     * shows {@code keySchema} as the table's KeySchema.
     */
    StreamInfo enable(String tableName, String tableArn, String viewType, List<KeyAttribute> keySchema);

    /** As the four-argument form, for a caller without the key schema: DescribeStream shows none. */
    StreamInfo enable(String tableName, String tableArn, String viewType);

    /** Stops a table's current stream (StreamEnabled false, or DeleteTable); its records stay readable. */
    void disable(String tableName);

    /** The table's current stream, when it has one enabled. */
    Optional<StreamInfo> current(String tableName);

    void record(String tableName, ItemChange change);
}
