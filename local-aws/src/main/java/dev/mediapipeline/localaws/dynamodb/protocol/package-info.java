/**
 * DynamoDB's front door: the JSON 1.0 protocol over HTTP. It is served by a Jetty server of its own on a
 * loopback port, which the edge proxies to like the other backends: the edge stays one router that knows
 * no service's protocol, and this server's threads, limits and errors are DynamoDB's alone.
 */
package dev.mediapipeline.localaws.dynamodb.protocol;
