/** SQS: ElasticMQ on an internal loopback port, with queue URLs that point at the edge endpoint. */
package dev.mediapipeline.localaws.sqs;
