package dev.mediapipeline.lambda.local;

import java.time.Duration;

/**
 * The settings of a DynamoDB Streams event source mapping that the in-process one honours, named as in
 * {@code AWS::Lambda::EventSourceMapping}.
 *
 * @param maximumRecordAge a batch whose oldest record is older than this goes to the on-failure destination
 *        without another invocation; zero or negative means no limit (the mapping's -1)
 * @param pollIdle pause between GetRecords calls on a shard that returned nothing
 */
public record StreamMappingSettings(
        int batchSize,
        boolean bisectBatchOnFunctionError,
        int maximumRetryAttempts,
        Duration maximumRecordAge,
        Duration pollIdle) {

    public StreamMappingSettings {
        if (batchSize < 1 || batchSize > 1000 || maximumRetryAttempts < 0) {
            throw new IllegalArgumentException("need 1 <= batchSize <= 1000 and maximumRetryAttempts >= 0");
        }
    }

    /** What deploy/cloudformation/media-pipeline.yaml gives the indexer's mapping. */
    public static StreamMappingSettings asDeployed() {
        return new StreamMappingSettings(100, true, 10, Duration.ofHours(1), Duration.ofMillis(250));
    }

    public StreamMappingSettings withRetries(int attempts) {
        return new StreamMappingSettings(batchSize, bisectBatchOnFunctionError, attempts, maximumRecordAge, pollIdle);
    }

    boolean tooOld(Duration age) {
        return !maximumRecordAge.isZero() && !maximumRecordAge.isNegative() && age.compareTo(maximumRecordAge) > 0;
    }
}
