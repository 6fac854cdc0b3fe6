/**
 * The control plane: creating, describing, changing and deleting tables and their indexes, and the
 * settings beside them (tags, time to live, point-in-time recovery), with DynamoDB's validation messages.
 */
package dev.mediapipeline.localaws.dynamodb.table;
