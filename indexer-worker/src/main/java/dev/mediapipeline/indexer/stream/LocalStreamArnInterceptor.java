package dev.mediapipeline.indexer.stream;

import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;

/**
 * DynamoDB Local names its streams {@code arn:aws:dynamodb:ddblocal:...}, and the streams adapter only
 * accepts ARNs of real regions. KCL is therefore given the ARN with the configured region, and this
 * interceptor on the streams client translates: requests going out get {@code ddblocal} back, stream
 * descriptions coming in get the configured region. It exists only when the table's ARN says ddblocal.
 */
final class LocalStreamArnInterceptor implements ExecutionInterceptor {

    static final String LOCAL_REGION = "ddblocal";

    private final String localArn;
    private final String publicArn;

    private LocalStreamArnInterceptor(String localArn, String publicArn) {
        this.localArn = localArn;
        this.publicArn = publicArn;
    }

    /** An interceptor for this stream if it is a DynamoDB Local one, nothing otherwise. */
    static Optional<LocalStreamArnInterceptor> forStream(String streamArn, String region) {
        String[] parts = streamArn.split(":", 6);
        if (parts.length < 6 || !LOCAL_REGION.equals(parts[3])) {
            return Optional.empty();
        }
        parts[3] = region;
        return Optional.of(new LocalStreamArnInterceptor(streamArn, String.join(":", parts)));
    }

    /** The ARN to hand to KCL. */
    String publicArn() {
        return publicArn;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof DescribeStreamRequest describe && publicArn.equals(describe.streamArn())) {
            return describe.toBuilder().streamArn(localArn).build();
        }
        if (request instanceof GetShardIteratorRequest iterator && publicArn.equals(iterator.streamArn())) {
            return iterator.toBuilder().streamArn(localArn).build();
        }
        return request;
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        if (response instanceof DescribeStreamResponse describe
                && describe.streamDescription() != null
                && localArn.equals(describe.streamDescription().streamArn())) {
            return describe.toBuilder()
                    .streamDescription(describe.streamDescription().toBuilder().streamArn(publicArn).build())
                    .build();
        }
        return response;
    }
}
