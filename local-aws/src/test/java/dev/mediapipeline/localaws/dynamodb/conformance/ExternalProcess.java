package dev.mediapipeline.localaws.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a client program (the AWS CLI, python3) with throwaway credentials and captures its exit code and output. */
final class ExternalProcess {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private ExternalProcess() {
    }

    static Result run(List<String> command, Map<String, String> extraEnv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        builder.environment().put("AWS_DEFAULT_REGION", Ddb.REGION);
        builder.environment().put("AWS_PAGER", "");
        builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().putAll(extraEnv);
        java.io.File err = java.io.File.createTempFile("conformance", ".stderr");
        builder.redirectError(err);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        String stderr = java.nio.file.Files.readString(err.toPath());
        err.delete();
        return new Result(process.exitValue(), out, stderr);
    }
}
