/** What each request would cost on DynamoDB, for ReturnConsumedCapacity TOTAL and INDEXES. */
package dev.mediapipeline.localaws.dynamodb.capacity;
