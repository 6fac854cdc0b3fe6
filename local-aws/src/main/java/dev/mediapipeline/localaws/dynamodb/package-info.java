/** DynamoDB and DynamoDB Streams: DynamoDB Local on an internal loopback port. */
package dev.mediapipeline.localaws.dynamodb;
