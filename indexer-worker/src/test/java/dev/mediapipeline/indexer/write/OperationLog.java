package dev.mediapipeline.indexer.write;

import dev.mediapipeline.common.aws.AwsClients;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A real DynamoDB client that also notes the name of each operation it sends: what the index costs. */
final class OperationLog {

    private OperationLog() {
    }

    static DynamoDbClient recording(AwsClients clients, List<String> operations) {
        var builder = clients.configure(DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                }).build()).build();
    }
}
