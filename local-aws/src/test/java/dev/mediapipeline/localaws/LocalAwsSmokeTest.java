package dev.mediapipeline.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

class LocalAwsSmokeTest {

    @Test
    void servesAllThreeServicesOnOneEndpoint() {
        try (LocalAws aws = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort());
             TestClients clients = new TestClients(aws.endpoint())) {
            clients.s3.createBucket(b -> b.bucket("smoke"));
            clients.s3.putObject(b -> b.bucket("smoke").key("a/b.txt"), RequestBody.fromString("hello"));
            assertThat(clients.s3.getObjectAsBytes(b -> b.bucket("smoke").key("a/b.txt")).asUtf8String()).isEqualTo("hello");
            String url = clients.sqs.createQueue(b -> b.queueName("q")).queueUrl();
            assertThat(url).startsWith(aws.endpoint().toString());
            assertThat(clients.dynamoDb.listTables().tableNames()).isEmpty();
        }
    }
}
