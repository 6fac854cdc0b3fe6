package dev.mediapipeline.localaws.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceRouterTest {

    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/%s/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=abc";

    @ParameterizedTest(name = "{0} target={1} scope={2} query-scope={3} type={4} action={5} -> {6}")
    @CsvSource(nullValues = "-", value = {
            "POST, DynamoDB_20120810.PutItem,         dynamodb, -,        application/x-amz-json-1.0,        false, DYNAMODB",
            "POST, DynamoDBStreams_20120810.GetRecords, dynamodb, -,      application/x-amz-json-1.0,        false, DYNAMODB",
            "POST, AmazonSQS.ReceiveMessage,          sqs,      -,        application/x-amz-json-1.0,        false, SQS",
            "POST, -,                                 sqs,      -,        application/x-www-form-urlencoded, false, SQS",
            "PUT,  -,                                 s3,       -,        application/octet-stream,          false, S3",
            "POST, -,                                 s3,       -,        application/xml,                   false, S3",
            "GET,  -,                                 -,        s3,       -,                                 false, S3",
            "GET,  -,                                 -,        sqs,      -,                                 true,  SQS",
            "GET,  -,                                 -,        -,        -,                                 false, S3",
            "POST, -,                                 -,        -,        application/x-www-form-urlencoded; charset=utf-8, false, SQS",
            "GET,  -,                                 -,        -,        -,                                 true,  SQS",
            "POST, -,                                 sns,      -,        application/x-www-form-urlencoded, false, UNSUPPORTED",
            "POST, -,                                 -,        -,        multipart/form-data; boundary=x,   false, S3",
    })
    void routesLikeTheRealEndpoints(String method, String target, String scope, String queryScope, String contentType,
                                    boolean action, Service expected) {
        String authorization = scope == null ? null : SIGNED.formatted(scope);
        String credential = queryScope == null ? null : "AKID/20260101/us-east-1/" + queryScope + "/aws4_request";
        assertThat(ServiceRouter.route(method, target, authorization, credential, contentType, action)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "AWS AKID:signature|-",
            "AWS4-HMAC-SHA256 Credential=a/b/c/d|-",
            "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/S3/aws4_request,SignedHeaders=host|s3",
    })
    void readsOnlyWellFormedSigV4Scopes(String authorization, String expected) {
        assertThat(ServiceRouter.scopeService(authorization, null)).isEqualTo(expected);
    }
}
