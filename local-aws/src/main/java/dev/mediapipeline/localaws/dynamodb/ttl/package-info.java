/** Time to live: the background deletion of expired items, reported to the streams as the service's. */
package dev.mediapipeline.localaws.dynamodb.ttl;
