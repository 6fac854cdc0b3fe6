package dev.mediapipeline.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Debian AWS CLI 2.9 (query protocol for SQS, aws-chunked multipart uploads for S3), run as users
 * run it. Tests using it are skipped where it is not installed; CI installs it.
 */
final class AwsCli {

    private static final Path CLI = Path.of("/usr/bin/aws");

    private AwsCli() {
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CLI), "/usr/bin/aws is not installed");
    }

    /** Runs {@code aws --endpoint-url <endpoint> args...} and returns its stdout; fails on a non-zero exit. */
    static String run(URI endpoint, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CLI.toString(), "--endpoint-url", endpoint.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("AWS_PAGER", "");
        builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws %s finished", args[0]).isTrue();
        assertThat(process.exitValue()).as("aws %s exit code, output:%n%s", String.join(" ", args), output).isZero();
        return output;
    }
}
