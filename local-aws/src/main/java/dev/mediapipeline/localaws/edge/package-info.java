/**
 * The one endpoint: a Jetty server that streams each request to the S3, SQS or DynamoDB backend on its
 * internal loopback port, chosen from the request's signature scope or target header.
 */
package dev.mediapipeline.localaws.edge;
