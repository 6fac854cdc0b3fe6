package dev.mediapipeline.lambda;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;

/**
 * What a function gets from its configuration: the resource names in MEDIA_* variables, AWS_REGION, and
 * credentials from the execution role, as the workers' containers get them. The clients are made once per
 * execution environment, during init, so that a SnapStart snapshot holds them ready.
 */
final class FunctionEnvironment {

    private static final AwsClients CLIENTS = new AwsClients(PipelineConfig.fromEnvironment());

    private FunctionEnvironment() {
    }

    static AwsClients clients() {
        return CLIENTS;
    }
}
