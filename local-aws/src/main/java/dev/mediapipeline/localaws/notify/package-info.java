/**
 * S3 event notifications: the per-bucket configuration (as S3's XML speaks it), the sequencer, the
 * event JSON in S3's own format, and delivery to the SQS queue a configuration names.
 */
package dev.mediapipeline.localaws.notify;
