/**
 * S3: S3Proxy on a filesystem or in-memory blob store, a notifying blob store middleware in front of it,
 * and the bucket notification configuration API S3Proxy lacks.
 */
package dev.mediapipeline.localaws.s3;
