package dev.mediapipeline.common.provision;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;

/**
 * The upload bucket, and its notification of every create and removal to the ingest queue; a lifecycle
 * expiration is a removal too.
 */
final class BucketProvisioner {

    static final String NOTIFICATION_ID = "media-pipeline-ingest";

    private final S3Client s3;

    BucketProvisioner(S3Client s3) {
        this.s3 = s3;
    }

    void ensure(String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (NoSuchBucketException e) {
            try {
                s3.createBucket(r -> r.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException raced) {
                // another provision run created it between our check and our create
            }
        }
    }

    /**
     * No prefix filter on purpose: a key outside users/ must reach the worker, which dead-letters it
     * with a reason instead of letting it vanish.
     */
    void notifyQueue(String bucket, String queueArn) {
        QueueConfiguration queue = QueueConfiguration.builder()
                .id(NOTIFICATION_ID)
                .queueArn(queueArn)
                .events(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED, Event.S3_LIFECYCLE_EXPIRATION)
                .build();
        boolean present = s3.getBucketNotificationConfiguration(r -> r.bucket(bucket)).queueConfigurations()
                .stream().anyMatch(q -> q.queueArn().equals(queueArn) && q.events().containsAll(queue.events()));
        if (!present) {
            s3.putBucketNotificationConfiguration(r -> r.bucket(bucket)
                    .notificationConfiguration(n -> n.queueConfigurations(queue)));
        }
    }
}
