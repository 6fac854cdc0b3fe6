/**
 * The embedded AWS default: S3 (S3Proxy), SQS (ElasticMQ) and DynamoDB with Streams (our own emulator, package dynamodb)
 * in one JVM behind one LocalStack-compatible endpoint, with S3 event notifications to SQS.
 * Entry point: {@link dev.mediapipeline.localaws.LocalAws#start(LocalAwsOptions)}.
 */
package dev.mediapipeline.localaws;
