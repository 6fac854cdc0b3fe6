package dev.mediapipeline.app.command;

import dev.mediapipeline.common.config.PipelineConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Endpoint choice for tools: the embedded stack unless told otherwise, so a laptop needs no setup. */
public final class ToolEndpoint {

    @Mixin
    EndpointOptions endpoint;

    @Option(names = "--aws", description = "Use the default AWS chain even without an endpoint "
            + "(otherwise tools default to the embedded stack at " + "http://127.0.0.1:4566).")
    boolean useAws;

    public PipelineConfig config() {
        return endpoint.configOrEmbedded(useAws);
    }
}
