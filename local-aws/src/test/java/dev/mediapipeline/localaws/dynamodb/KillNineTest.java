package dev.mediapipeline.localaws.dynamodb;

import static dev.mediapipeline.localaws.dynamodb.DynamoDbTesting.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.localaws.LocalAws;
import dev.mediapipeline.localaws.LocalAwsOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Every write the service acknowledged is there after its process is killed with SIGKILL. */
class KillNineTest {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), AcknowledgingWriter.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(ACKNOWLEDGED_BEFORE_KILL);

        try (LocalAws aws = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort().withDataDir(dataDir));
             DynamoDbClient dynamo = DynamoDbTesting.client(aws.endpoint())) {
            for (String pk : acknowledged) {
                assertThat(dynamo.getItem(b -> b.tableName("Durable").key(key(pk))).hasItem()).as(pk).isTrue();
            }
        }
    }

    /** Writes items one after another for ever, printing each key once its PutItem was answered. */
    public static final class AcknowledgingWriter {

        public static void main(String[] args) {
            LocalAws aws = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort().withDataDir(Path.of(args[0])));
            DynamoDbClient dynamo = DynamoDbTesting.client(aws.endpoint());
            DynamoDbTesting.createTable(dynamo, "Durable", false);
            for (int i = 0; ; i++) {
                String pk = "item-" + i;
                dynamo.putItem(b -> b.tableName("Durable").item(Map.of("Pk", DynamoDbTesting.s(pk))));
                System.out.println("ACK " + pk);
                System.out.flush();
            }
        }
    }
}
