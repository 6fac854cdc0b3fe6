package dev.mediapipeline.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.localaws.testing.PipelineNames;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LocalStack ready hooks in localstack-init/ and {@code provision} must create the same resources.
 * Both run for real on the embedded stack under different names: the hooks through the stock AWS CLI
 * (standing in for LocalStack's {@code awslocal}), {@code provision} through the SDK. Then both sets are
 * described and compared, role by role.
 */
class InitScriptsMatchProvisionTest {

    private static final Path AWS_CLI = Path.of("/usr/bin/aws");
    private static final Path INIT_DIR = Path.of("").toAbsolutePath().getParent().resolve("localstack-init");
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static QueueSettingsTap tap;
    private static AwsClients byScripts;
    private static AwsClients byProvision;

    @BeforeAll
    static void provisionBothWays(@TempDir Path work) throws Exception {
        assertThat(AWS_CLI).as("the stock AWS CLI runs the LocalStack init scripts here: apt-get install awscli")
                .isExecutable();
        tap = QueueSettingsTap.inFrontOf(SharedLocalAws.endpoint());
        byScripts = new AwsClients(PipelineNames.prefixed("init-" + RUN + "-").withEndpoint(tap.endpoint()));
        byProvision = new AwsClients(PipelineNames.prefixed("prov-" + RUN + "-").withEndpoint(tap.endpoint()));
        runInitScripts(byScripts.config(), work);
        new Provisioner(byProvision).provision();
    }

    @AfterAll
    static void close() throws IOException {
        byScripts.close();
        byProvision.close();
        tap.close();
    }

    @Test
    void initScriptsCreateWhatProvisionCreates() {
        Map<String, Object> provisioned = ResourceSnapshot.describe(byProvision, tap);
        Map<String, Object> scripted = ResourceSnapshot.describe(byScripts, tap);

        assertThat(scripted.keySet()).isEqualTo(provisioned.keySet());
        SoftAssertions.assertSoftly(softly -> provisioned.forEach((what, expected) ->
                softly.assertThat(scripted.get(what)).as("%s made by localstack-init/", what).isEqualTo(expected)));
    }

    /** Guards the comparison itself: equal because both are right, not because both came back empty. */
    @Test
    void theComparisonSeesTheSettingsThatMatter() {
        Map<String, Object> provisioned = ResourceSnapshot.describe(byProvision, tap);

        assertThat(provisioned.get("queue {ingestQueue} requested")).isEqualTo(Map.of(
                "VisibilityTimeout", "60",
                "ReceiveMessageWaitTimeSeconds", "20",
                "MessageRetentionPeriod", "1209600",
                "RedrivePolicy", Map.of("deadLetterTargetArn", "arn:aws:sqs:us-east-1:000000000000:{ingestDlq}",
                        "maxReceiveCount", "5"),
                "Policy", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Sid", "s3-notifications", "Effect", "Allow",
                        "Principal", Map.of("Service", "s3.amazonaws.com"),
                        "Action", "sqs:SendMessage",
                        "Resource", "arn:aws:sqs:us-east-1:000000000000:{ingestQueue}",
                        "Condition", Map.of("ArnLike", Map.of("aws:SourceArn", "arn:aws:s3:::{bucket}")))))));
        assertThat(provisioned.get("queue {indexDlq} requested")).isEqualTo(Map.of("MessageRetentionPeriod", "1209600"));
        assertThat(provisioned.get("bucket notification").toString())
                .contains("s3:ObjectCreated:*", "s3:ObjectRemoved:*", "s3:LifecycleExpiration:*",
                        "queueArn=arn:aws:sqs:us-east-1:000000000000:{ingestQueue}",
                        "filter=[]");
        assertThat(provisioned.get("table {mediaTable}").toString())
                .contains("stream=true NEW_AND_OLD_IMAGES", "keySchema=[UserId HASH, MediaId RANGE]", "PAY_PER_REQUEST");
        assertThat(provisioned.get("table {tagIndexTable}").toString()).contains("keySchema=[UserTag HASH, MediaId RANGE]");
        assertThat(provisioned.get("table {tombstoneTable}").toString()).contains("timeToLive=ENABLED ExpiresAt");
    }

    /** Runs every ready hook in LocalStack's order, with an {@code awslocal} that points at the tap. */
    private static void runInitScripts(PipelineConfig config, Path work) throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path awslocal = bin.resolve("awslocal");
        Files.writeString(awslocal, "#!/bin/sh\nexec " + AWS_CLI + " --endpoint-url \"$AWSLOCAL_ENDPOINT\" \"$@\"\n");
        Files.setPosixFilePermissions(awslocal, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Path> scripts;
        try (Stream<Path> files = Files.list(INIT_DIR)) {
            scripts = files.filter(f -> f.toString().endsWith(".sh")).sorted().toList();
        }
        assertThat(scripts).as("ready hooks in %s", INIT_DIR).isNotEmpty();
        for (Path script : scripts) {
            assertThat(script).as("LocalStack runs only executable hooks").isExecutable();
            Path output = work.resolve(script.getFileName() + ".log");
            ProcessBuilder process = new ProcessBuilder(script.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> env = process.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("MEDIA_"));
            env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
            env.put("AWSLOCAL_ENDPOINT", config.endpoint().orElseThrow().toString());
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_DEFAULT_REGION", config.region());
            env.put("AWS_CONFIG_FILE", work.resolve("no-aws-config").toString());
            env.putAll(PipelineNames.environment(config));
            Process running = process.start();
            boolean exited = running.waitFor(5, TimeUnit.MINUTES);
            if (!exited) {
                running.destroyForcibly();
            }
            assertThat(exited && running.exitValue() == 0)
                    .as("%s exited %s:%n%s", script.getFileName(), exited ? running.exitValue() : "never",
                            Files.readString(output, StandardCharsets.UTF_8))
                    .isTrue();
        }
    }
}
