package dev.mediapipeline.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class SqsThroughEdgeTest {

    private static TestClients clients;

    @BeforeAll
    static void start() {
        clients = new TestClients(SharedLocalAws.endpoint());
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    @Test
    void createSendReceiveAndDeleteWithTheSdksJsonProtocol() {
        String dlqArn = clients.sqs.getQueueAttributes(b -> b.queueUrl(
                        clients.sqs.createQueue(q -> q.queueName("edge-sqs-dlq")).queueUrl())
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = clients.sqs.createQueue(b -> b.queueName("edge-sqs").attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "60",
                QueueAttributeName.REDRIVE_POLICY, "{\"maxReceiveCount\":\"5\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}")))
                .queueUrl();
        assertThat(url).isEqualTo(SharedLocalAws.endpoint() + "/000000000000/edge-sqs");
        assertThat(dlqArn).isEqualTo("arn:aws:sqs:us-east-1:000000000000:edge-sqs-dlq");

        clients.sqs.sendMessage(b -> b.queueUrl(url).messageBody("héllo").messageAttributes(Map.of("reason",
                MessageAttributeValue.builder().dataType("String")
                        .stringValue("test").build())));
        Message received = clients.sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)
                .messageAttributeNames("All")).messages().get(0);
        assertThat(received.body()).isEqualTo("héllo");
        assertThat(received.messageAttributes().get("reason").stringValue()).isEqualTo("test");
        clients.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.receiptHandle()));

        assertThat(clients.sqs.listQueues(b -> b.queueNamePrefix("edge-sqs")).queueUrls()).hasSize(2);
        assertThat(clients.sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings()).containsEntry("VisibilityTimeout", "60")
                .containsEntry("ApproximateNumberOfMessages", "0").containsKey("RedrivePolicy");
    }

    @Test
    void theAwsCliSpeaksTheQueryProtocolThroughTheEdge() throws Exception {
        AwsCli.assumeInstalled();
        String url = clients.sqs.createQueue(b -> b.queueName("edge-sqs-cli")).queueUrl();
        clients.sqs.sendMessage(b -> b.queueUrl(url).messageBody("one"));

        var attributes = new ObjectMapper().readTree(AwsCli.run(SharedLocalAws.endpoint(), "sqs",
                "get-queue-attributes", "--queue-url", url, "--attribute-names", "All"));
        assertThat(attributes.at("/Attributes/QueueArn").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:edge-sqs-cli");
        assertThat(attributes.at("/Attributes/ApproximateNumberOfMessages").asText()).isEqualTo("1");
        assertThat(AwsCli.run(SharedLocalAws.endpoint(), "sqs", "list-queues")).contains(url);
    }
}
